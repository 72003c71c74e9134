# rallybot's mistakes and refusals in English, worded from the values the error carries (see
# src/text/errors.rs); every other language's errors.ftl follows it message for message.

## What a field, an action or a state is called inside a message

field-title = title
field-details = details
field-address = address
field-reason = reason
field-contact = contact
field-name = name
field-description = description
state-pending = pending
state-approved = approved
state-rejected = rejected
state-cancelled = cancelled

# "Only the organiser of rally #12 or a moderator can … it."
rally-action-edit-it = edit
rally-action-cancel-it = cancel
rally-action-approve-it = approve
rally-action-announce-it = announce
rally-action-reject-it = reject
rally-action-rsvp-it = RSVP to
# "Rally #12 is cancelled, so it can't be …"
rally-action-edited = edited
rally-action-cancelled = cancelled
rally-action-approved = approved
rally-action-announced = announced
rally-action-rejected = rejected
rally-action-rsvped = RSVPed to
# "Only moderators can …"
action-approve-rallies = approve rallies
action-reject-rallies = reject rallies
action-announce-rallies = announce rallies
action-change-organiser = give a rally a new organiser
action-see-queue = see the approval queue
action-see-settings = see the server settings
action-change-settings = change the server settings
action-see-undelivered = see what could not be delivered
action-see-audit-log = see the audit log
action-create-campaigns = create campaigns
action-edit-campaigns = edit campaigns
action-archive-campaigns = archive campaigns
action-drop-from-shared = take rallies out of a shared campaign
action-create-coalition = create a coalition
action-invite-to-coalition = invite servers to a coalition
action-join-coalition = join a coalition
action-see-coalition-members = see a coalition's members
action-leave-coalition = leave a coalition
action-remove-from-coalition = remove a server from a coalition
# "Only the moderators of the server that owns a coalition can …"
owner-action-invite = invite servers
owner-action-remove = remove servers
owner-action-share = share campaigns with it
permission-view-channel = View Channel
permission-send-messages = Send Messages
permission-embed-links = Embed Links
permission-mention-everyone = Mention @everyone, @here, and All Roles
unit-miles = miles
unit-km = km

## Who may do what, and in which state

error-control-characters = The { $field } contains control characters (such as tabs or invisible characters); remove them and try again.
error-not-organiser-or-moderator = Only the organiser of rally #{ $id } or a moderator can { $action } it.
error-moderators-only = Only moderators can { $action }. Moderators have the Manage Events permission or the server's moderator role.
error-wrong-status = Rally #{ $id } is { $status }, so it can't be { $action }.
error-already-started = Rally #{ $id } has already started, so it can't be { $action }.
error-coalition-owners-only = Only the moderators of the server that owns a coalition can { $action }.
error-page-not-found = There is no such page: its server may have turned its public pages off.
error-not-server-channel = { $channel } is not a channel of this server that I can see; pick one here.
error-bot-missing-permissions = I can't post in { $channel }: I'm missing { $missing }. Give me that in the channel's permissions and try again.
error-no-announcement-role = No announcement role is set, so there is nobody to ping; set one with /rallymod settings announcement_role:, or use ping:none.

## An option's value

error-bad-option = "{ $input }" is not a valid value for { $option }; { $expected }.
expected-rsvp-answer = use going, interested or not_going
expected-language = use en or es
expected-unit = use mi or km
expected-ping = give role (the announcement role), everyone, or none
expected-true-or-false = use true or false
expected-number = give a number, e.g. { $example }
expected-whole-number = give a whole number
expected-whole-number-in = give a whole number from { $min } to { $max }, e.g. { $example }
expected-lead = give a time from { $min } minute to { $max } days before the start, e.g. 30m, 2h or 1d
expected-at-most-leads = give at most { $max } times, e.g. 24h,1h
expected-channel = give a channel id or mention
expected-role = give a role id or mention, or none
expected-user = give a user id or mention
expected-radius = give a distance above 0 and at most { $max } { $unit }
expected-address-visibility = use public, going or organisers
expected-invite-url = give a Discord invitation link such as https://discord.gg/AbCd123 (Server Settings > Invites), or none
expected-clearable = name settings to unset, separated by commas: { $names } (and don't also set them)
expected-mydata-action = use show, export or delete

## Places and times

place-forms = Try "City, ST", a 5-digit US ZIP code or "lat,lon".
place-empty = Please give a place. { place-forms }
place-too-long = That place is too long ({ $len } characters); { $max } at most. { place-forms }
place-unknown = I don't know a place called "{ $input }". { place-forms }
place-unknown-suggest = I don't know a place called "{ $input }". Did you mean: { $suggestions }? { place-forms }
place-bad-coordinates = "{ $input }" is not a usable position: { $reason }. Write decimal degrees as "lat,lon", e.g. "30.2672,-97.7431", with latitude -90..90 and longitude -180..180.
coordinates-longitude-first = give latitude first, then longitude
coordinates-latitude = latitude { $value } is outside -90..90
coordinates-longitude = longitude { $value } is outside -180..180
coordinates-not-two-numbers = expected two numbers, latitude and longitude
place-unknown-zip = I don't know the US ZIP code { $zip }. Check it, or give the city instead, e.g. "Austin, TX".
place-malformed-zip = "{ $input }" is not a US ZIP code: those have 5 digits. { place-forms }
error-unknown-time-zone = "{ $input }" is not a time zone I know; use an IANA name such as America/Chicago or Europe/London.
error-place-missing = The place is empty; give a city and state ("Austin, TX") or a ZIP code.
error-date-and-time-needed = The date and the time are both needed, e.g. 2027-04-17 and 18:00.

## Campaigns and coalitions

error-campaign-not-found = There is no campaign "{ $name }" in this server. { $known }
campaigns-none = There are none yet; a moderator creates one with /rallymod campaign create.
campaigns-known = Campaigns here: { $names }.
error-campaign-name-taken = This server already has a campaign called "{ $name }" (names ignore case); choose another name.
error-campaign-archived = The campaign "{ $name }" is archived, so it takes no new rallies. A moderator can restore it with /rallymod campaign archive campaign:"{ $name }" restore:true.
error-outside-campaign = The rally starts { $when }, outside the campaign "{ $name }" ({ $span }); pick a date within the campaign, or another campaign.
campaign-span = { $start } to { $end }
campaign-name-empty = The campaign name is empty; give it a short name, e.g. name:"Day of Action".
campaign-name-too-long = The campaign name is { $len } characters long; shorten it to at most { $max }.
campaign-name-without-letters = The campaign name needs at least one letter or digit.
campaign-name-with-bar = The campaign name can't contain "|"; use another separator.
campaign-name-reserved = "none" and names like "#12" have a special meaning; choose another campaign name.
campaign-description-too-long = The description is { $len } characters long; shorten it to at most { $max }.
campaign-bad-day = "{ $input }" is not a date I can read for { $option }:; give a date such as 2027-04-17 or April 17, 2027.
campaign-end-before-start = The end, { $end }, is before the start, { $start }; give an end on or after the start.
campaign-end-passed = The campaign would end on { $end }, which has passed; give dates still ahead.
campaign-start-too-far = The start, { $start }, is more than two years ahead; campaigns can be planned at most two years in advance.
campaign-too-long = The campaign would last { $days } days; a campaign can last at most { $max } days.
campaign-rallies-outside = { $count } of the campaign's rallies ({ $ids }) would fall outside { $span }; move them first or choose dates that include them.
campaign-nothing-to-change = Nothing to change: give at least one of name:, start:, end: or description:.
campaign-nothing-changed = Nothing changed: the values given are the campaign's current ones.
campaign-not-archived = The campaign "{ $name }" is not archived.
campaign-already-archived = The campaign "{ $name }" is already archived.
error-coalition-name-taken = This server already owns a coalition called "{ $name }"; choose another name.
error-coalition-not-found = This server is in no coalition called "{ $name }". { $known }
coalitions-none = This server is in no coalition yet.
coalitions-known = This server's coalitions: { $names }.
coalition-bad-name = A coalition's name is 1 to { $max } characters on one line, e.g. name:"Families Belong Together".
coalition-name-with-bar = A coalition's name can't contain "|"; use another separator.
error-too-many-coalitions = This server is already in { $max } coalitions, the most a server can be in; leave one first with /rallymod coalition leave.
error-already-in-coalition = This server is already a member of that coalition.
error-bad-invite-code = That code is not a coalition invitation that can be used: it may have been used already or expired (codes last 7 days). Ask the coalition's owner for a new one.
error-owner-cannot-leave = This server owns the coalition "{ $name }", so it can't leave it; remove the other servers instead.
error-not-a-member = "{ $server }" is not a member server of "{ $coalition }" that can be removed; see /rallymod coalition members.
error-shared-campaign-owners-only = The campaign "{ $name }" is shared by a coalition; only the moderators of the server that owns it can change it.
error-not-in-shared-campaign = Rally #{ $id } is not in a campaign your server shares with its server.

## A command that does not fit the table

request-unknown-command = Unknown command /{ $command }. Type /help for the list of commands.
request-missing-option = /{ $command } needs the option { $option }:, e.g. { $example }.
request-unknown-option = /{ $command } has no option { $option }:. Its options are: { $allowed }.
request-no-options = none
request-unread = /{ $command } ignored its option { $option }:; this is a bug in rallybot.

## Autocomplete labels

hint-pending = (pending)
hint-archived = (archived)
