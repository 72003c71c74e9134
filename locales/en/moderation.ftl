# rallybot's moderator tools in English: the approval queue, the settings, what could not be
# delivered, the audit log, campaigns, coalitions, announcements and the reject form; also a
# person's own data. Every other language's moderation.ftl says the same, message for message.

## /rallymod queue, and the heads-up on a rally that clashes

queue-clash = ⚠ clash
queue-line = { $time } · { $place } · by { $organiser }
button-approve = Approve #{ $id }
button-reject = Reject #{ $id }
clash = Heads-up: within { $miles } miles and { $hours } hours of another approved rally: { $rallies }. Consider joining forces or moving the time.

## Rejecting: the form, and what it says when done

reject-modal-title = Reject rally #{ $id }
reject-modal-reason = Reason (told to the organiser)
rejected-by = Rally #{ $id } { $title } is rejected; its organiser is told. ({ $moderator })
rejected-by-with-reason = Rally #{ $id } { $title } is rejected; its organiser is told, with the reason. ({ $moderator })
ask-reject-reason = Give the reason with /rallymod reject rally:{ $id } reason:
ask-reject-reason-typed = Give the reason with /rallymod reject rally:{ $id } reason:"...".
card-recorded = Noted.

## /rallymod announce

announced = Announced in { $channel }.
announce-failed = I couldn't post in { $channel }: check that I can view it, send messages and embed links there. ({ $error })

## /rallymod settings

settings-title = rallybot settings for this server
settings-console-title = Settings for server { $id }:
settings-page = Public page
settings-page-about = Anyone with the link sees the approved rallies (no names, no street addresses unless made public).
settings-page-address = public page address: { $url }
settings-name-require-approval = require_approval
settings-name-unit = unit
settings-name-moderator-role = moderator_role
setting-require-approval = require approval
setting-moderator-role = moderator role
setting-distance-unit = distance unit
setting-reminder-channel = reminder channel
setting-reminder-offsets = reminder offsets
setting-announcement-channel = announcement channel
setting-moderator-channel = moderator channel
setting-announcement-role = announcement ping role
setting-daily-limit = daily limit
setting-retention = keep who answered
setting-public-page = public page
setting-invite-link = invite link
setting-language = language
setting-true = true
setting-false = false
setting-yes = yes
setting-no = no
setting-none = none
setting-channel = channel { $id }
setting-role = role { $id }
setting-per-day = { $count } rallies per member
setting-days = { $count } days after a rally ends
setting-english = English
setting-spanish = Spanish
setting-language-discord = { $language } (the server's in Discord)
setting-unset-reminder-channel = where each rally was created
setting-unset-announcement-channel = where the command is used
setting-unset-moderator-channel = none (see /rallymod queue)

## /rallymod status

status-all-delivered = Every reminder and change message so far was delivered.
status-reminders-failed = Reminders that failed ({ $count })
status-messages-failed = Change messages that failed ({ $count })
status-reminder = { $lead } before, to { $target }: { $why }
status-channel-reminder = channel reminder { $lead } before, to { $target }: { $why }
status-personal-reminder = personal reminder { $lead } before, to { $target }: { $why }
status-card-edit = card edit in { $channel }
status-moderator-post = post for moderators in { $channel }
status-dm = DM to { $user }
status-user = user { $id }
failure-dms-closed = their direct messages are closed
failure-unknown = no reason recorded

## /rallymod log

log-title = Audit log
log-title-rally = Audit log of rally #{ $id }
log-empty = { $title }: nothing recorded yet.
log-before = Before: { $before }
log-after = After: { $after }
log-line = { $when } { $action }{ $rally } by { $actor }
log-line-before = before: { $before }
log-line-after = after: { $after }
log-action-create = create
log-action-edit = edit
log-action-cancel = cancel
log-action-approve = approve
log-action-reject = reject
log-action-announce = announce
log-action-settings = settings
log-action-campaign-remove = campaign remove
log-action-coalition-create = coalition create
log-action-coalition-invite = coalition invite
log-action-coalition-join = coalition join
log-action-coalition-leave = coalition leave
log-action-coalition-remove = coalition remove

## /rallymod campaign

campaign-created = Campaign "{ $name }" is created.
campaign-edited = Campaign "{ $name }" is updated.
campaign-archived = Campaign "{ $name }" is archived: it keeps its rallies and takes no new ones.
campaign-restored = Campaign "{ $name }" is restored: it takes new rallies again.
campaign-when = When: { $span }
campaign-about = About: { $description }

## /rallymod coalition

coalition-created = The coalition { $name } is created, owned by this server. Invite another server's moderators with /rallymod coalition invite; share a campaign with /rallymod campaign create … coalition:{ $name }.
coalition-invited = Invitation to { $name }: give this code to a moderator of the server you invite, privately. It works once, until { $expires }.
coalition-invited-join = They join with /rallymod coalition join code:{ $code }
coalition-joined = This server has joined the coalition { $name }. Its shared campaigns are now in /rally campaign, /rally near and the campaign option; your moderators still approve this server's rallies.
coalition-members = Servers in { $name } ({ $count }):
coalition-member = - { $server } · id { $id }{ $owner } · joined { $joined }
coalition-owner = (owner)
coalition-left = This server has left the coalition { $name }: its rallies are out of the shared campaigns, and theirs are out of this server's searches.
coalition-removed = { $server } is no longer in the coalition { $name }: its rallies are out of the shared campaigns.

## /rally mydata

mydata-title = What rallybot holds about you:
mydata-no-rsvps = - No RSVPs.
mydata-rsvp = - RSVP { $status } to #{ $id } { $title } ({ $starts }{ $reminder }), answered { $answered }
mydata-reminder-off = , reminder off
mydata-reminder = , reminder { $lead } before
mydata-message = - A { $kind } about rally #{ $id }: { $status }
mydata-organise = - You organise #{ $id } { $title } ({ $status })
mydata-audit = - { $count } entries in servers' audit logs of what you did as organiser or moderator
mydata-keep = Who answered a rally is deleted some days after it ends (30 unless the server set otherwise); the counts stay. /rally mydata action:export gives you all of it as a file; action:delete erases it.
mydata-forgotten = Done: { $rsvps } RSVPs and { $messages } messages to you are deleted, in every server.
mydata-forgotten-rallies = The { $rallies } rallies you organised stay, organised by "a former member"; their server's moderators can give them a new organiser or cancel them.
mydata-confirm-forget = This deletes your RSVPs, your reminders and the messages waiting for you, in every server, and takes your name off the rallies you organise. It can't be undone. Delete everything?
mydata-confirm-typed = In Discord a button confirms it; here, type /rally mydata action:confirm.
mydata-export = Everything rallybot holds about you, as a file only you can see.
button-forget = Delete everything
code-going = going
code-interested = interested
code-channel-reminder = channel reminder
code-personal-reminder = personal reminder
code-notice = notice
code-card-edit = card edit
code-moderator-post = moderator post
code-pending = pending
code-sending = sending
code-sent = sent
code-failed = failed
code-skipped = skipped
code-unknown = unknown
code-approved = approved
code-rejected = rejected
code-cancelled = cancelled
