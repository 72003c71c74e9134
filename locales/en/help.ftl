# The console's /help: the headings around the list of commands, which is built from the
# command table.
help-commands = Commands (options are name:value; quote values with spaces):
help-moderators = Moderators:
help-console =
    Console only:
      /as NAME [--mod] [--server N] [--locale es]   act as another user (--mod: with Manage
                                      Events; --locale es: types times in Spanish)
      /clock [+2h | set 2026-12-01T09:00:00Z]   show or move the simulated clock
      /rally mydata action:confirm   confirm deleting your data (a button in Discord)
      /help, /quit
    Places: "City, ST", "City, State", "City", a US ZIP code ("19104") or "lat,lon".
    Times are read in the rally's own time zone: "2026-12-05 18:00", "6/30 6pm", "tomorrow noon",
    "next thursday 18:30", "in 3 hours". tz: overrides the place's time zone.
