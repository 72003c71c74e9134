//! Rallies as one user sees them, read in one query: a list reply is one round trip.
use std::collections::HashMap;

use super::columns::Columns;
use super::rallies::{rally_columns, rally_from_row};
use super::Store;
use crate::domain::{RallyView, RsvpCounts, RsvpStatus};
use crate::error::{Error, Result};

/// The columns `view_from_row` reads, from `rallies r`; `$user` is the parameter holding the
/// asker's id.
macro_rules! view_columns {
    ($user:literal) => {
        view_columns!($user, "1")
    };
    // `$counts`: a condition; where it is false the counts are 0 and not counted (a calendar
    // shows none).
    ($user:literal, $counts:literal) => {
        concat!(
            rally_columns!(),
            ",
             CASE WHEN ",
            $counts,
            " THEN r.kept_going + (SELECT COUNT(*) FROM rsvps v
                 WHERE v.rally_id = r.id AND v.status = 'going') ELSE 0 END AS going,
             CASE WHEN ",
            $counts,
            " THEN r.kept_interested + (SELECT COUNT(*) FROM rsvps v
                 WHERE v.rally_id = r.id AND v.status = 'interested') ELSE 0 END AS interested,
             (SELECT v.status FROM rsvps v WHERE v.rally_id = r.id AND v.user_id = ",
            $user,
            ") AS mine"
        )
    };
}
pub(super) use view_columns;

impl Store {
    /// The rallies with these ids (those that exist), with their RSVP counts and `user_id`'s
    /// own RSVP, in the order of `ids`.
    pub async fn rally_views(&self, ids: &[i64], user_id: i64) -> Result<Vec<RallyView>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let rows = sqlx::query(concat!(
            "SELECT ",
            view_columns!("?2"),
            " FROM rallies r WHERE r.id IN (SELECT value FROM json_each(?1))"
        ))
        .bind(serde_json::to_string(ids).map_err(|e| Error::internal("encoding ids", e))?)
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        let mut views = HashMap::with_capacity(rows.len());
        for row in &rows {
            let view = view_from_row(row)?;
            views.insert(view.rally.id, view);
        }
        Ok(ids.iter().filter_map(|id| views.remove(id)).collect())
    }
}

pub(super) fn view_from_row<R: Columns>(row: &R) -> Result<RallyView> {
    let my_rsvp = match row.text("mine")? {
        None => None,
        Some(s) => Some(
            RsvpStatus::parse(&s)
                .ok_or_else(|| Error::internal("reading an RSVP", format!("status {s}")))?,
        ),
    };
    Ok(RallyView {
        counts: RsvpCounts {
            going: row.need_int("going")?,
            interested: row.need_int("interested")?,
        },
        my_rsvp,
        from_server: None,
        rally: rally_from_row(row)?,
    })
}
