//! Who may read a rally's street address. The organiser chose its visibility; the service
//! blanks the address in every view a reader may not see it in, before any front end gets the
//! view, so no renderer can show what it was never given.
use super::response::Response;
use crate::domain::{Actor, AddressVisibility, Rally, RallyView, RsvpStatus};

/// Whether the actor is the rally's organiser or a moderator of its server.
pub(crate) fn staff(actor: &Actor, rally: &Rally) -> bool {
    (actor.is_moderator && actor.server_id == rally.server_id)
        || (rally.organiser_id != 0 && rally.organiser_id == actor.user_id)
}

/// Whether the address may be shown in a reply: `private` when only the asker sees it.
pub(crate) fn may_read_address(actor: &Actor, view: &RallyView, private: bool) -> bool {
    match view.rally.address_visibility {
        AddressVisibility::Public => true,
        _ if !private => false,
        AddressVisibility::Going => {
            staff(actor, &view.rally) || view.my_rsvp == Some(RsvpStatus::Going)
        }
        AddressVisibility::Organisers => staff(actor, &view.rally),
    }
}

/// Blanks the address of every rally in the response that the actor may not read there.
pub(crate) fn redact(actor: &Actor, response: &mut Response) {
    // An announcement's card goes to a channel, whoever asked for it.
    let private = response.is_private() && !matches!(response, Response::Announce { .. });
    let check = |v: &mut RallyView| {
        if !may_read_address(actor, v, private) {
            v.rally.address.clear();
        }
    };
    match response {
        Response::Created(c) => check(&mut c.view),
        Response::Edited(e) => check(&mut e.view),
        Response::Rally(v)
        | Response::Rsvp(v)
        | Response::Cancelled(v)
        | Response::Approved(v)
        | Response::Rejected(v)
        | Response::Dropped(v) => check(v),
        Response::RemindMe { view, .. } | Response::Announce { view, .. } => check(view),
        Response::Near(n) => n.rallies.iter_mut().for_each(|(v, _)| check(v)),
        Response::List { rallies, .. } | Response::CampaignList { rallies, .. } => {
            rallies.iter_mut().for_each(check)
        }
        Response::Mine {
            organising,
            answered,
        } => organising
            .iter_mut()
            .chain(answered.iter_mut())
            .for_each(check),
        Response::CampaignOverview(o) => o.entries.iter_mut().for_each(|e| check(&mut e.view)),
        Response::Queue(entries) => entries.iter_mut().for_each(|e| check(&mut e.view)),
        // Made without addresses but public ones, and without people.
        Response::Public(_)
        | Response::Settings { .. }
        | Response::Status(_)
        | Response::About { .. }
        | Response::Campaign(_)
        | Response::Log { .. }
        | Response::Choices(_)
        | Response::AskRejectReason { .. }
        | Response::CardRecorded
        | Response::Coalition(_)
        | Response::MyData(_)
        | Response::MyDataExport { .. }
        | Response::ConfirmForget
        | Response::Forgotten(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{RallyStatus, RsvpCounts};
    use chrono::{TimeZone, Utc};

    fn view(visibility: AddressVisibility, mine: Option<RsvpStatus>) -> RallyView {
        let t = Utc.with_ymd_and_hms(2026, 12, 5, 18, 0, 0).unwrap();
        RallyView {
            rally: Rally {
                id: 1,
                server_id: 100,
                title: "t".into(),
                details: String::new(),
                place_name: "p".into(),
                address: "12 Main St".into(),
                latitude: 0.0,
                longitude: 0.0,
                time_zone: chrono_tz::UTC,
                starts_at: t,
                ends_at: None,
                organiser_id: 2,
                channel_id: None,
                status: RallyStatus::Approved,
                status_reason: None,
                created_at: t,
                updated_at: t,
                campaign_id: None,
                contact: String::new(),
                address_visibility: visibility,
                organiser_gone: false,
            },
            counts: RsvpCounts::default(),
            my_rsvp: mine,
            from_server: None,
        }
    }

    fn actor(user_id: i64, server_id: i64, is_moderator: bool) -> Actor {
        Actor {
            user_id,
            server_id,
            is_moderator,
        }
    }

    #[test]
    fn the_address_reaches_only_those_who_should_have_it() {
        use AddressVisibility::*;
        let going = Some(RsvpStatus::Going);
        let interested = Some(RsvpStatus::Interested);
        let member = actor(5, 100, false);
        let organiser = actor(2, 100, false);
        let moderator = actor(3, 100, true);
        let other_mod = actor(4, 200, true);
        // (visibility, reader, their RSVP, private reply, may read)
        let table = [
            (Public, member, None, false, true),
            (Going, member, going, true, true),
            (Going, member, going, false, false),
            (Going, member, interested, true, false),
            (Going, member, None, true, false),
            (Going, organiser, None, true, true),
            (Going, organiser, None, false, false),
            (Going, moderator, None, true, true),
            (Going, other_mod, None, true, false),
            (Organisers, member, going, true, false),
            (Organisers, organiser, None, true, true),
            (Organisers, moderator, None, false, false),
            (Organisers, other_mod, going, true, false),
        ];
        for (visibility, reader, mine, private, expected) in table {
            assert_eq!(
                may_read_address(&reader, &view(visibility, mine), private),
                expected,
                "{visibility:?} {reader:?} {mine:?} private={private}"
            );
        }
    }

    #[test]
    fn an_announced_card_never_carries_a_private_address() {
        let moderator = actor(3, 100, true);
        let mut announced = Response::Announce {
            view: view(AddressVisibility::Going, None),
            channel: None,
            ping: None,
        };
        redact(&moderator, &mut announced);
        let Response::Announce { view, .. } = announced else {
            unreachable!()
        };
        assert!(view.rally.address.is_empty());
        let mut shown = Response::Rally(view_with_public());
        redact(&actor(9, 100, false), &mut shown);
        let Response::Rally(v) = shown else {
            unreachable!()
        };
        assert_eq!(v.rally.address, "12 Main St");
    }

    fn view_with_public() -> RallyView {
        view(AddressVisibility::Public, None)
    }
}
