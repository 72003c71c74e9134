//! The words of coalition replies.
use super::Style;
use crate::service::coalitions::CoalitionDone;

pub fn coalition_done(done: &CoalitionDone, style: &dyn Style) -> String {
    match done {
        CoalitionDone::Created(c) => format!(
            "The coalition {} is created, owned by this server. Invite another server's moderators with /rallymod coalition invite; share a campaign with /rallymod campaign create … coalition:{}.",
            style.text(&c.name),
            style.text(&c.name)
        ),
        CoalitionDone::Invited(i) => format!(
            "Invitation to {}: give this code to a moderator of the server you invite, privately. It works once, until {}.\n{}\nThey join with /rallymod coalition join code:{}",
            style.text(&i.coalition.name),
            i.expires_at.format("%B %-d, %Y at %H:%M UTC"),
            i.code,
            i.code
        ),
        CoalitionDone::Joined(c) => format!(
            "This server has joined the coalition {}. Its shared campaigns are now in /rally campaign, /rally near and the campaign option; your moderators still approve this server's rallies.",
            style.text(&c.name)
        ),
        CoalitionDone::Members { coalition, members } => {
            let mut out = format!(
                "Servers in {} ({}):",
                style.text(&coalition.name),
                members.len()
            );
            for m in members {
                let owner = if m.server_id == coalition.owner_server_id {
                    " (owner)"
                } else {
                    ""
                };
                out.push_str(&format!(
                    "\n- {} · id {}{owner} · joined {}",
                    style.text(&m.server_name),
                    m.server_id,
                    m.joined_at.format("%B %-d, %Y")
                ));
            }
            out
        }
        CoalitionDone::Left(c) => format!(
            "This server has left the coalition {}: its rallies are out of the shared campaigns, and theirs are out of this server's searches.",
            style.text(&c.name)
        ),
        CoalitionDone::Removed { coalition, server } => format!(
            "{} is no longer in the coalition {}: its rallies are out of the shared campaigns.",
            style.text(&server.server_name),
            style.text(&coalition.name)
        ),
    }
}
