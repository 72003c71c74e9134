//! Server settings as people read them: for the audit log and front ends.
use super::reminders::lead_words;
use crate::domain::ServerSettings;

/// Every setting as (name, value).
pub fn setting_lines(s: &ServerSettings) -> Vec<(&'static str, String)> {
    let channel = |c: Option<i64>, none: &str| c.map_or(none.to_string(), |c| format!("<#{c}>"));
    let role = |r: Option<i64>| r.map_or("none".to_string(), |r| format!("<@&{r}>"));
    vec![
        (
            "require approval",
            if s.require_approval { "yes" } else { "no" }.into(),
        ),
        ("moderator role", role(s.moderator_role_id)),
        ("distance unit", s.distance_unit.as_str().into()),
        (
            "reminder channel",
            channel(s.reminder_channel_id, "where each rally was created"),
        ),
        (
            "reminder offsets",
            s.reminder_offsets
                .iter()
                .map(|d| lead_words(*d))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        (
            "announcement channel",
            channel(s.announcement_channel_id, "where the command is used"),
        ),
        (
            "moderator channel",
            channel(s.moderator_channel_id, "none (see /rallymod queue)"),
        ),
        ("announcement ping role", role(s.announcement_role_id)),
        (
            "daily limit",
            format!("{} rallies per member", s.daily_limit),
        ),
    ]
}

/// The settings that differ, as "name: value" on each side.
pub fn settings_diff(before: &ServerSettings, after: &ServerSettings) -> (String, String) {
    let (old, new) = (setting_lines(before), setting_lines(after));
    let mut was = Vec::new();
    let mut now = Vec::new();
    for ((name, a), (_, b)) in old.iter().zip(new.iter()) {
        if a != b {
            was.push(format!("{name}: {a}"));
            now.push(format!("{name}: {b}"));
        }
    }
    (was.join("; "), now.join("; "))
}
