# The public web pages, in English: the wording locales/es/web.ftl follows, message for message.
# Place names, rally titles and campaign names are shown as they were typed.

## Every page

web-footer = Made with rallybot. Who answered a rally is never shown here.
web-credits = Map outlines: Natural Earth and US Census Bureau (public domain).
web-calendar-link-title = Calendar
web-language-switch = Language
web-server-unnamed = Upcoming rallies

## A server's page

web-server-lead = Rallies you can join, soonest first.
web-days-of-action = Days of action
web-upcoming = Upcoming rallies
web-no-upcoming = No upcoming rallies yet.
web-join-discord = Join the organisers on Discord
web-subscribe = Subscribe to these rallies in your calendar

## Lists of rallies

web-pager-label = More rallies
web-pager-sooner = ← Sooner rallies
web-pager-later = Later rallies →
web-pager-page = Page { $page } of { $pages }
web-away = { $distance } { $unit } away
web-from = from { $server }
web-counts = { $going ->
    [one] { $going } person going
   *[other] { $going } people going
} · { $interested } interested

## A campaign's page

web-totals = { $rallies ->
    [one] { $rallies } rally
   *[other] { $rallies } rallies
} in { $places ->
    [one] { $places } place
   *[other] { $places } places
} · { $going ->
    [one] { $going } person going
   *[other] { $going } people going
}
web-campaign-days = { $from } to { $to }
web-find-near = Find a rally near you
web-all-rallies = All rallies
web-search-place = City, ZIP code or coordinates
web-search-placeholder = e.g. 78701 or Austin, TX
web-search-within = Within
web-search-button = Search
web-near-heading = Near { $origin }
web-near-none = No rally of { $campaign } within { $radius } { $unit } of { $origin } yet. Try a wider radius.
web-near-more = More rallies lie within this distance; the nearest are shown.
web-see-every-rally = See every rally of { $campaign }
web-map-campaign = { $count ->
    [one] Map of the { $count } rally
   *[other] Map of the { $count } rallies
}
web-map-near = Map of the rallies found near { $origin }, numbered as in the list

## What a search could not read

web-radius-bad = Choose a distance from the list: more than 0 and at most { $max } { $unit }.

## A rally's page

web-part-of = Part of
web-organised-by = Organised by { $server }, a member of the coalition.
web-when = When
web-where = Where
web-whos-coming = Who's coming
web-details = Details
web-take-part = Take part
web-take-part-discord = Say you're going, get reminders and meet the organisers on Discord:
web-take-part-join = join the organisers
web-take-part-come = Just come along; the organisers will be there.
web-add-to-calendar = Add to calendar
web-ics-link = (.ics link)
web-until-time = { $start } until { $end }
web-until-day = { $start } until { $end }

## Other pages

web-home-text = rallybot helps activist networks organise rallies on Discord. Each server that publishes its rallies has its own page; ask its organisers for the link.
web-not-found = Not found
web-not-found-text = There is no page here. The link may be mistyped, or its organisers may have taken their page down.
web-error = Something went wrong

## Calendar feeds (their names, as calendar apps show them)

web-feed-rallies = Rallies
web-feed-server = { $server }: rallies
