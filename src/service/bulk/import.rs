//! `rallybot import`: every row is checked first; only a file with no bad row is written, in
//! one transaction, with each rally's reminders scheduled as approval would.
use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::read::{self, RowError, ValidRow};
use super::{ImportError, RALLY_KEY_PREFIX};
use crate::domain::{Rally, RallyStatus};
use crate::error::Error;
use crate::service::reminders::planned_reminders;
use crate::service::Service;
use crate::store::ImportWrite;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportOptions {
    pub server_id: i64,
    /// Put every row's rally in this campaign (by name or "#12").
    pub campaign: Option<String>,
    /// Check and report, write nothing.
    pub dry_run: bool,
    /// The Discord user shown as organiser of new rallies; 0 for none (the contact column
    /// says who to ask).
    pub organiser_id: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub rows: usize,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub dry_run: bool,
    pub campaign: Option<String>,
}

/// Told how far an import has got, so a long file shows progress.
pub trait Progress {
    /// `phase` is "checked" or "written".
    fn update(&self, phase: &'static str, done: usize, total: usize);
}

/// For callers that don't show progress.
impl Progress for () {
    fn update(&self, _: &'static str, _: usize, _: usize) {}
}

/// What to do with one valid row.
enum Plan {
    Create,
    Update(Box<Rally>),
    Unchanged,
}

impl Service {
    pub async fn import_csv(
        &self,
        bytes: &[u8],
        options: &ImportOptions,
        progress: &dyn Progress,
    ) -> Result<ImportReport, ImportError> {
        let now = self.now();
        let server_id = options.server_id;
        let (records, mut errors) = read::records(bytes)?;
        if records.is_empty() && errors.is_empty() {
            return Err(ImportError::File(
                "The file has a header but no rallies.".into(),
            ));
        }
        let campaign = match options.campaign.as_deref() {
            Some(reference) => Some(
                self.open_campaign(server_id, reference)
                    .await
                    .map_err(file_error)?,
            ),
            None => None,
        };
        let total = records.len();
        let mut valid: Vec<ValidRow> = Vec::with_capacity(total);
        let mut first_line: HashMap<String, u64> = HashMap::new();
        for (done, record) in records.iter().enumerate() {
            match read::check(record, campaign.as_ref(), now) {
                Ok(row) => match first_line.get(&row.key) {
                    Some(first) => errors.push(RowError {
                        line: row.line,
                        reason: format!(
                            "key \"{}\" is already used on line {first}; every row needs its own key",
                            row.key
                        ),
                    }),
                    None => {
                        first_line.insert(row.key.clone(), row.line);
                        valid.push(row);
                    }
                },
                Err(e) => errors.push(e),
            }
            progress.update("checked", done + 1, total);
        }
        let known: HashMap<String, Rally> = self
            .store
            .rallies_with_keys(server_id, false)
            .await?
            .into_iter()
            .filter_map(|(rally, key)| key.map(|k| (k, rally)))
            .collect();
        let mut plans = Vec::with_capacity(valid.len());
        for row in &valid {
            match self
                .plan(server_id, row, &known, campaign.is_some())
                .await?
            {
                Ok(plan) => plans.push(plan),
                Err(e) => errors.push(e),
            }
        }
        if !errors.is_empty() {
            errors.sort_by_key(|e| e.line);
            return Err(ImportError::Rows(errors));
        }
        let count = |f: fn(&Plan) -> bool| plans.iter().filter(|p| f(p)).count();
        let report = ImportReport {
            rows: valid.len(),
            created: count(|p| matches!(p, Plan::Create)),
            updated: count(|p| matches!(p, Plan::Update(_))),
            unchanged: count(|p| matches!(p, Plan::Unchanged)),
            dry_run: options.dry_run,
            campaign: campaign.as_ref().map(|c| c.name.clone()),
        };
        if options.dry_run {
            return Ok(report);
        }
        let settings = self.store.server_settings(server_id).await?;
        let updated: Vec<i64> = plans
            .iter()
            .filter_map(|p| match p {
                Plan::Update(old) => Some(old.id),
                _ => None,
            })
            .collect();
        let mut going = self.store.going_rsvps_of(&updated).await?;
        let mut writes = Vec::with_capacity(report.created + report.updated);
        for (row, plan) in valid.iter().zip(&plans) {
            let (existing, rally) = match plan {
                Plan::Unchanged => continue,
                Plan::Create => (None, new_rally(server_id, options.organiser_id, row, now)),
                Plan::Update(old) => {
                    let mut rally = (**old).clone();
                    apply(&mut rally, row, campaign.is_some());
                    (Some(old.id), rally)
                }
            };
            let going = existing
                .and_then(|id| going.remove(&id))
                .unwrap_or_default();
            writes.push(ImportWrite {
                existing,
                key: &row.key,
                fields: &row.fields,
                contact: &row.contact,
                set_campaign: campaign.is_some(),
                reminders: planned_reminders(&rally, &settings, &going, now),
            });
        }
        let written = writes.len();
        self.store
            .write_import(server_id, options.organiser_id, &writes, now, &mut |done| {
                progress.update("written", done, written)
            })
            .await?;
        self.outbox_changed().notify_one();
        tracing::info!(
            server = server_id,
            created = report.created,
            updated = report.updated,
            "rallies imported"
        );
        Ok(report)
    }

    /// Matches a row to the rally its key names, if any: an imported one, or "rally-12" for
    /// rally #12 exported before it had a key.
    async fn plan(
        &self,
        server_id: i64,
        row: &ValidRow,
        known: &HashMap<String, Rally>,
        set_campaign: bool,
    ) -> crate::error::Result<Result<Plan, RowError>> {
        let mut existing = known
            .get(&row.key)
            .or_else(|| row.day_key.as_ref().and_then(|k| known.get(k)))
            .cloned();
        if existing.is_none() {
            if let Some(id) = row
                .key
                .strip_prefix(RALLY_KEY_PREFIX)
                .and_then(|n| n.parse::<i64>().ok())
            {
                existing = self
                    .store
                    .rally(id)
                    .await?
                    .filter(|r| r.server_id == server_id);
            }
        }
        let Some(rally) = existing else {
            return Ok(Ok(Plan::Create));
        };
        if !matches!(rally.status, RallyStatus::Approved | RallyStatus::Pending) {
            return Ok(Err(RowError {
                line: row.line,
                reason: format!(
                    "key \"{}\" belongs to rally #{}, which is {}; remove the row, or give it a new key to add it again",
                    row.key,
                    rally.id,
                    rally.status.as_str()
                ),
            }));
        }
        let mut after = rally.clone();
        apply(&mut after, row, set_campaign);
        let known_key = known.contains_key(&row.key);
        Ok(Ok(if after == rally && known_key {
            Plan::Unchanged
        } else {
            Plan::Update(Box::new(rally))
        }))
    }
}

/// The row's values on an existing rally (its campaign only when the import sets one).
fn apply(rally: &mut Rally, row: &ValidRow, set_campaign: bool) {
    let f = &row.fields;
    rally.title = f.title.clone();
    rally.details = f.details.clone();
    rally.place_name = f.place_name.clone();
    rally.address = f.address.clone();
    rally.latitude = f.latitude;
    rally.longitude = f.longitude;
    rally.time_zone = f.time_zone;
    rally.starts_at = f.starts_at;
    rally.ends_at = f.ends_at;
    rally.contact = row.contact.clone();
    if set_campaign {
        rally.campaign_id = f.campaign_id;
    }
}

fn new_rally(server_id: i64, organiser_id: i64, row: &ValidRow, now: DateTime<Utc>) -> Rally {
    let f = row.fields.clone();
    Rally {
        id: 0,
        server_id,
        title: f.title,
        details: f.details,
        place_name: f.place_name,
        address: f.address,
        latitude: f.latitude,
        longitude: f.longitude,
        time_zone: f.time_zone,
        starts_at: f.starts_at,
        ends_at: f.ends_at,
        organiser_id,
        channel_id: None,
        status: RallyStatus::Approved,
        status_reason: None,
        created_at: now,
        updated_at: now,
        campaign_id: f.campaign_id,
        contact: row.contact.clone(),
        address_visibility: f.address_visibility,
        organiser_gone: false,
    }
}

fn file_error(e: Error) -> ImportError {
    match e.user() {
        Some(user) => ImportError::File(user.to_string()),
        None => ImportError::Internal(e),
    }
}
