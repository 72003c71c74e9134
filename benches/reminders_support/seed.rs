//! The bot's database for the reminder burst: approved rallies, each with one channel reminder
//! that fell due a minute ago, spread round-robin over the bench's channels.
//!
//! The first rally is made through the service, as a moderator would make it; the others are
//! copies of its rows (rally, reminder, audit entry) written in bulk in one transaction.
//! Making each through the service would run its duplicate and clash checks against all the
//! rallies before it (every one is in Austin at the same hour), which grows with the square of
//! the count and took longer than the burst itself. Afterwards every column of every copy is
//! compared with the service's own row, so a change in what the service writes fails here
//! loudly instead of the bench measuring something else.
use std::collections::HashSet;
use std::sync::Arc;

use chrono::Utc;
use fake_discord::{SAMPLE_ALICE_ID, SAMPLE_GUILD_ID};
use rallybot::domain::OutboxKind;
use rallybot::domain::{Actor, Rally};
use rallybot::service::{ManualClock, NewRally, Service};
use rallybot::store::Store;
use sqlx::{AssertSqlSafe, Sqlite, Transaction};

const ROWS_PER_INSERT: usize = 500;
/// The rallies columns written for each copy; the check below covers every other column.
const RALLY_COLUMNS: [&str; 18] = [
    "server_id",
    "title",
    "details",
    "place_name",
    "address",
    "latitude",
    "longitude",
    "time_zone",
    "starts_at",
    "ends_at",
    "organiser_id",
    "status",
    "status_reason",
    "created_at",
    "updated_at",
    "channel_id",
    "campaign_id",
    "contact",
];

/// Where the reminders go: rally `i` (from 0) was made in channel `first + i % count`.
#[derive(Clone, Copy)]
pub struct Channels {
    pub first: u64,
    pub count: u64,
}

impl Channels {
    fn of(&self, i: usize) -> i64 {
        (self.first + i as u64 % self.count) as i64
    }
}

fn new_rally(i: usize) -> NewRally {
    NewRally {
        title: title(i),
        place: "Austin, TX".into(),
        when: "in 63 minutes".into(),
        ..Default::default()
    }
}

fn title(i: usize) -> String {
    format!("Rally {i}")
}

/// Creates `count` rallies as if made four minutes ago and starting 63 minutes after that:
/// their 1-hour channel reminders fell due a minute ago. Returns the ids of the reminders due.
pub async fn seed(url: &str, count: usize, channels: Channels) -> HashSet<i64> {
    let store = Store::open(url).await.expect("open the database");
    let made_at = Utc::now() - chrono::Duration::minutes(4);
    let service = Service::new(store.clone(), Arc::new(ManualClock::new(made_at)));
    let moderator = Actor {
        user_id: SAMPLE_ALICE_ID as i64,
        server_id: SAMPLE_GUILD_ID as i64,
        is_moderator: true,
    };
    let model = service
        .create_rally_in(&moderator, Some(channels.of(0)), new_rally(0))
        .await
        .expect("create the model rally")
        .view
        .rally;
    let reminders = store
        .outbox_of_rally(model.id)
        .await
        .expect("the model's reminders");
    assert!(
        reminders.len() == 1
            && reminders[0].kind == OutboxKind::ChannelReminder
            && reminders[0].target_id == channels.of(0),
        "the model rally should have one channel reminder in its own channel: {reminders:?}"
    );

    let mut tx = store.pool().begin().await.expect("a transaction");
    copy_rallies(&mut tx, &model, count, channels).await;
    // The reminder goes to the rally's own channel (the server has no reminder channel), and
    // the audit entry's text begins with the title.
    sqlx::query(
        "INSERT INTO outbox (kind, rally_id, target_id, message_id, lead_seconds, payload,
             nonce, due_at, status, attempts, next_attempt_at, last_error, error_kind, told_user,
             created_at, updated_at)
         SELECT m.kind, r.id, r.channel_id, m.message_id, m.lead_seconds, m.payload, m.nonce,
             m.due_at, m.status, m.attempts, m.next_attempt_at, m.last_error, m.error_kind,
             m.told_user, m.created_at, m.updated_at
         FROM rallies r, outbox m
         WHERE m.rally_id = ?1 AND r.id > ?1 ORDER BY r.id",
    )
    .bind(model.id)
    .execute(&mut *tx)
    .await
    .expect("copying the reminder");
    sqlx::query(
        "INSERT INTO audit_log (server_id, rally_id, actor_id, action, before, after, at)
         SELECT a.server_id, r.id, a.actor_id, a.action, a.before,
             r.title || substr(a.after, length(?2) + 1), a.at
         FROM rallies r, audit_log a
         WHERE a.rally_id = ?1 AND r.id > ?1 ORDER BY r.id",
    )
    .bind(model.id)
    .bind(&model.title)
    .execute(&mut *tx)
    .await
    .expect("copying the audit entry");
    tx.commit().await.expect("committing the copies");
    // One big transaction leaves a big WAL; the service's many small ones would not have.
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(store.pool())
        .await
        .expect("checkpoint");

    check(&store, &model, count, channels).await;
    let now = Utc::now().timestamp();
    let ids: Vec<(i64,)> = sqlx::query_as(
        "SELECT id FROM outbox WHERE status = 'pending' AND kind = 'channel_reminder'
             AND due_at <= ?",
    )
    .bind(now)
    .fetch_all(store.pool())
    .await
    .expect("due reminders");
    store.close().await;
    ids.into_iter().map(|(id,)| id).collect()
}

/// Rallies 1..count as copies of the model with their own title and channel, in order, so their
/// ids (and so the order the scheduler claims them) follow `i` as when made one by one.
async fn copy_rallies(
    tx: &mut Transaction<'static, Sqlite>,
    model: &Rally,
    count: usize,
    channels: Channels,
) {
    let row = format!("({})", vec!["?"; RALLY_COLUMNS.len()].join(","));
    let mut done = 1;
    while done < count {
        let n = ROWS_PER_INSERT.min(count - done);
        let sql = format!(
            "INSERT INTO rallies ({}) VALUES {}",
            RALLY_COLUMNS.join(", "),
            vec![row.as_str(); n].join(",")
        );
        let mut q = sqlx::query(AssertSqlSafe(sql));
        for i in done..done + n {
            q = q
                .bind(model.server_id)
                .bind(title(i))
                .bind(&model.details)
                .bind(&model.place_name)
                .bind(&model.address)
                .bind(model.latitude)
                .bind(model.longitude)
                .bind(model.time_zone.name())
                .bind(model.starts_at.timestamp())
                .bind(model.ends_at.map(|t| t.timestamp()))
                .bind(model.organiser_id)
                .bind(model.status.as_str())
                .bind(&model.status_reason)
                .bind(model.created_at.timestamp())
                .bind(model.updated_at.timestamp())
                .bind(channels.of(i))
                .bind(model.campaign_id)
                .bind(&model.contact);
        }
        q.execute(&mut **tx).await.expect("inserting rallies");
        done += n;
    }
}

/// Fails unless every copied row equals the service's model row in every column of its table
/// (those that must differ checked on their own), and exactly `count` channel reminders are
/// due, one per rally, each in its rally's channel.
async fn check(store: &Store, model: &Rally, count: usize, channels: Channels) {
    let pool = store.pool();
    for (table, key, differ) in [
        ("rallies", "id", &["id", "title", "channel_id"][..]),
        ("outbox", "rally_id", &["id", "rally_id", "target_id"][..]),
        ("audit_log", "rally_id", &["id", "rally_id", "after"][..]),
    ] {
        let columns: Vec<String> =
            sqlx::query_scalar("SELECT name FROM pragma_table_info(?1) ORDER BY cid")
                .bind(table)
                .fetch_all(pool)
                .await
                .expect("table columns");
        let same: Vec<String> = columns
            .iter()
            .filter(|c| !differ.contains(&c.as_str()))
            .map(|c| format!("x.{c} IS NOT m.{c}"))
            .collect();
        let sql = format!(
            "SELECT COUNT(*) FROM {table} x, {table} m WHERE m.{key} = ?1 AND ({})",
            same.join(" OR ")
        );
        let unlike: i64 = sqlx::query_scalar(AssertSqlSafe(sql))
            .bind(model.id)
            .fetch_one(pool)
            .await
            .expect("comparing with the model");
        assert_eq!(unlike, 0, "{table}: rows unlike the service's own");
        let rows: i64 = sqlx::query_scalar(AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
            .fetch_one(pool)
            .await
            .expect("counting rows");
        assert_eq!(rows as usize, count, "{table}: one row per rally");
    }
    let wrong: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM rallies r
         LEFT JOIN outbox m ON m.rally_id = r.id
         LEFT JOIN audit_log a ON a.rally_id = r.id
         WHERE r.title IS NOT 'Rally ' || (r.id - ?1)
            OR r.channel_id IS NOT ?2 + (r.id - ?1) % ?3
            OR m.target_id IS NOT r.channel_id
            OR a.after NOT LIKE r.title || ' at %'",
    )
    .bind(model.id)
    .bind(channels.first as i64)
    .bind(channels.count as i64)
    .fetch_one(pool)
    .await
    .expect("checking titles and channels");
    assert_eq!(
        wrong, 0,
        "rallies with the wrong title, channel or audit entry"
    );
    let (due, indexed): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM outbox
                 WHERE status = 'pending' AND kind = 'channel_reminder'
                   AND next_attempt_at <= ?1),
                (SELECT COUNT(*) FROM rally_positions)",
    )
    .bind(Utc::now().timestamp())
    .fetch_one(pool)
    .await
    .expect("counting due reminders");
    assert_eq!(
        due as usize, count,
        "every rally has one channel reminder due"
    );
    assert_eq!(
        indexed as usize, count,
        "every rally is in the spatial index"
    );
}
