# The console's own wording of replies, where the terminal says more or less than a Discord
# message (the rest comes from replies.ftl). Plain text: no markup.

console-created-pending = Rally #{ $id } submitted. A moderator will review it before it is listed.
console-remind-on = I'll remind you { $lead } before #{ $id } { $title }.
console-edited = Rally #{ $id } updated.
console-announced-here = Announced in this channel:
console-announced-in = Announced in channel { $channel }:
console-mine-organise = Rallies you organise
console-mine-organise-empty = You organise no upcoming rallies.
console-mine-answered = Your RSVPs
console-mine-answered-empty = You have no RSVPs for upcoming rallies.
console-campaign-list = Upcoming rallies of "{ $campaign }"
console-campaign-list-empty = No upcoming rallies in the campaign "{ $campaign }" yet.
console-near-title = Rallies within { $radius } { $unit } of { $origin } ({ $count }{ $more ->
        [yes] , nearest shown
       *[no] {""}
    }):
console-near-title-campaign = Rallies of "{ $campaign }" within { $radius } { $unit } of { $origin } ({ $count }{ $more ->
        [yes] , nearest shown
       *[no] {""}
    }):
console-from = (from { $server })
console-pending = [pending approval]
console-rejected = [rejected]
console-cancelled = [CANCELLED]
console-ends = Ends
console-organiser = Organiser
console-former-member = a former member
console-contact = Contact
console-reason = Reason
console-details = Details
console-counts = RSVPs: { $going } going, { $interested } interested{ $mine ->
        [going] {" "}(you: going)
        [interested] {" "}(you: interested)
       *[none] {""}
    }
