//! `rallybot export`: the server's upcoming approved rallies (or one campaign's) in the import
//! format, so the file imports back with no change.
use chrono::{DateTime, Utc};

use super::{COLUMNS, RALLY_KEY_PREFIX};
use crate::domain::{Rally, RallyStatus};
use crate::error::{Error, Result};
use crate::service::Service;

impl Service {
    /// Approved rallies that have not started, soonest first, as CSV with a header line; and
    /// how many rallies it holds.
    pub async fn export_csv(
        &self,
        server_id: i64,
        campaign: Option<&str>,
    ) -> Result<(Vec<u8>, usize)> {
        let now = self.now();
        let campaign_id = match campaign {
            Some(reference) => Some(self.campaign_in(server_id, reference).await?.id),
            None => None,
        };
        let rallies = self.store.rallies_with_keys(server_id, true).await?;
        let mut out = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        let write = |out: &mut csv::Writer<Vec<u8>>, cells: &[String]| {
            out.write_record(cells)
                .map_err(|e| Error::internal("writing CSV", e))
        };
        write(&mut out, &COLUMNS.map(String::from))?;
        let mut count = 0;
        for (rally, key) in rallies {
            let wanted = rally.status == RallyStatus::Approved
                && rally.starts_at > now
                && campaign_id.is_none_or(|c| rally.campaign_id == Some(c));
            if wanted {
                write(&mut out, &row(&rally, key))?;
                count += 1;
            }
        }
        let csv = out
            .into_inner()
            .map_err(|e| Error::internal("writing CSV", e.to_string()))?;
        Ok((csv, count))
    }
}

/// One rally in the column order of `COLUMNS`.
fn row(r: &Rally, key: Option<String>) -> Vec<String> {
    let local = |t: DateTime<Utc>| t.with_timezone(&r.time_zone);
    let start = local(r.starts_at);
    let ends = r.ends_at.map_or(String::new(), |end| {
        let end = local(end);
        if end.date_naive() == start.date_naive() {
            end.format("%H:%M").to_string()
        } else {
            end.format("%Y-%m-%d %H:%M").to_string()
        }
    });
    vec![
        key.unwrap_or_else(|| format!("{RALLY_KEY_PREFIX}{}", r.id)),
        r.title.clone(),
        r.place_name.clone(),
        r.address.clone(),
        start.format("%Y-%m-%d").to_string(),
        start.format("%H:%M").to_string(),
        ends,
        r.time_zone.name().to_string(),
        r.contact.clone(),
        r.details.clone(),
    ]
}
