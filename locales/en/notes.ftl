# Notes that come with a reply, and what a person hears of a message that did not reach them.

note-place-guess = I took "{ $typed }" to mean { $chosen }. Other places with that name: { $others }. Add the state or country to pick another.
on-the-web = That is shown on the public web pages; see /rally about for their address.
untold-dms-closed = your direct messages are closed
untold-refused = Discord refused it
untold-reminder = Your reminder for rally #{ $id } couldn't be sent: { $why }. To get reminders, allow direct messages from this server's members.
untold-notice = I couldn't send you a direct message about rally #{ $id } ({ $why }); see it now with /rally info rally:{ $id }. To hear about changes, allow direct messages from this server's members.
by-server = { $server }: { $rallies ->
        [one] { $rallies } rally
       *[other] { $rallies } rallies
    }, { $going } going
by-server-this = This server
