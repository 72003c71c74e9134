# rallybot's replies in English: the wording every other language follows, message for message
# (a test checks that each has the same messages with the same arguments). Arguments that a
# person typed ($title, $place, $address…) arrive already made safe for where they are shown.

## Answers to commands

created-pending = Rally #{ $id } is submitted. A moderator will review it before it is listed.
created-listed = Rally #{ $id } is listed.
edited = Rally #{ $id } is updated.
cancelled = Rally #{ $id } is cancelled.
approved = Rally #{ $id } is approved and listed.
rejected = Rally #{ $id } is rejected.
dropped = Rally #{ $id } is out of the shared campaign.
note = Note: { $note }
remind-on = I'll send you a direct message { $lead } before #{ $id } { $title }.
remind-off = Your reminder for #{ $id } { $title } is off.
rsvp-going = You're going to #{ $id } { $title }.
rsvp-interested = You're interested in #{ $id } { $title }.
rsvp-not-going = You're not going to #{ $id } { $title }.
rsvp-meeting-point = Meeting point: { $address }
approved-by = Rally #{ $id } { $title } is approved; its organiser is told. ({ $moderator })

## Lists

list-count = { $title } ({ $count })
list-upcoming = Upcoming rallies
list-upcoming-empty = No upcoming rallies in this server yet. Create one with /rally create.
list-queue = Waiting for approval
list-queue-empty = Nothing is waiting for approval.
list-mine = Your rallies and RSVPs
list-mine-empty = You have no upcoming rallies or RSVPs in this server.
list-campaign = Upcoming rallies of { $campaign }
list-campaign-empty = No upcoming rallies in the campaign { $campaign } yet.
mine-organise = you organise
mine-interested = you're interested
mine-going = you're going
line-pending = (pending)
line-rejected = (rejected)
line-cancelled = (CANCELLED)
line-going = { $going } going
line-from = from { $server }
page-footer = Page { $page } of { $pages }
page-previous = ◀ Previous
page-next = Next ▶

## Near

near-none = No upcoming rallies within { $radius } { $unit } of { $origin }.
near-title = Rallies within { $radius } { $unit } of { $origin } ({ $count }{ $more })
near-title-campaign = Rallies of { $campaign } within { $radius } { $unit } of { $origin } ({ $count }{ $more })
near-away = { $distance } { $unit } away

## A rally's card

card-title-from = #{ $id } { $title } · from { $server }
card-when = When
card-local = Local: { $time }
card-ends = Ends { $time }
card-where = Where
card-address = Address
card-organiser = Organiser
card-organiser-gone = a former member
card-contact = Contact
card-rsvps = RSVPs
card-rsvp-counts = { $going } going · { $interested } interested
card-status = Status
status-pending = Waiting for approval
status-rejected = Rejected
status-cancelled = Cancelled
button-going = Going ({ $count })
button-interested = Interested ({ $count })
button-cant-go = Can't go

## Mistakes, and what to fix

error-title-empty = The title is empty. Give the rally a short title, e.g. title:"Keep Families Together".
error-title-too-long = The title is { $len } characters long; shorten it to at most { $max }.
error-details-too-long = The details are { $len } characters long; shorten them to at most { $max }.
error-address-too-long = The address is { $len } characters long; shorten it to at most { $max }.
error-contact-too-long = The contact is { $len } characters long; shorten it to at most { $max }.
error-reason-too-long = The reason is { $len } characters long; shorten it to at most { $max }.
error-start-in-past = The start time { $when } is in the past; choose a time that is still ahead.
error-start-too-far = The start time { $when } is more than two years ahead; rallies can be planned at most two years in advance.
error-end-not-after-start = The end time { $end } is not after the start time { $start }; give an end after the start, or leave it out.
error-rally-not-found = There is no rally #{ $id } that you can see in this server. Check the number with /rally list.
error-bad-rally-id = "{ $input }" is not a rally number; give the number shown as #N, e.g. rally:12.
error-nothing-to-change = Nothing to change: give at least one field to edit, e.g. title:"..." or when:"...".
error-needs-server = This command only works inside a server, not in direct messages.
error-daily-limit = You have created { $limit } rallies in this server in the last 24 hours, the most this server allows; try again tomorrow, or ask a moderator.
error-duplicate = Rally #{ $id } already has this title and place on the same day; edit it (/rally edit rally:{ $id }) rather than creating it twice.
error-remind-needs-going = Personal reminders are for people going: RSVP going to rally #{ $id } first (/rally rsvp rally:{ $id }).
error-internal = Sorry, something went wrong on our side. If it keeps happening, tell the server's admins error id { $error_id }.

## Sent unasked: reminders, direct messages about a rally, edited cards, posts for moderators

reminder = Reminder: #{ $id } { $title } starts in { $when }, at { $place }.
notice-changed = Rally #{ $id } { $title } has changed.
notice-changed-answer = If you can't make it now, change your answer with /rally rsvp rally:{ $id }.
notice-cancelled = Rally #{ $id } { $title }, planned for { $starts } at { $place }, is cancelled.
notice-reason = Reason: { $reason }
notice-approved = Your rally #{ $id } { $title } is approved and listed. Share it with /rally info rally:{ $id }.
notice-rejected = Your rally #{ $id } { $title } was not approved.
moved-start = Start: was { $was }, now { $now }
moved-end = End: was { $was }, now { $now }
moved-place = Place: was { $was }, now { $now }
moved-address = Address: was { $was }, now { $now }
moved-none = none
card-note-updated = Updated: rally #{ $id } has changed; the card shows it as it is now.
card-note-cancelled = Cancelled: rally #{ $id } will not take place.
moderator-post = New submission #{ $id } by { $organiser } is waiting for approval.
