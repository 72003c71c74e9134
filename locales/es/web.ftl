# Las páginas web públicas en español, mensaje por mensaje como en locales/en/web.ftl. Los nombres
# de lugares, los títulos de las manifestaciones y los nombres de campañas se muestran tal como
# se escribieron.

## Todas las páginas

web-footer = Hecho con rallybot. Aquí nunca se muestra quién respondió a una manifestación.
web-credits = Contornos del mapa: Natural Earth y la Oficina del Censo de EE. UU. (dominio público).
web-calendar-link-title = Calendario
web-language-switch = Idioma
web-server-unnamed = Próximas manifestaciones

## La página de un servidor

web-server-lead = Manifestaciones a las que puedes sumarte, las más próximas primero.
web-days-of-action = Jornadas de acción
web-upcoming = Próximas manifestaciones
web-no-upcoming = Todavía no hay próximas manifestaciones.
web-join-discord = Únete a los organizadores en Discord
web-subscribe = Suscríbete a estas manifestaciones en tu calendario

## Listas de manifestaciones

web-pager-label = Más manifestaciones
web-pager-sooner = ← Manifestaciones más próximas
web-pager-later = Manifestaciones más adelante →
web-pager-page = Página { $page } de { $pages }
web-away = a { $distance } { $unit }
web-from = de { $server }
web-counts = { $going ->
    [0] nadie va todavía
    [one] { $going } persona va
   *[other] { $going } personas van
} · { $interested ->
    [0] a nadie le interesa todavía
    [one] a { $interested } le interesa
   *[other] a { $interested } les interesa
}

## La página de una campaña

web-totals = { $rallies ->
    [one] { $rallies } manifestación
   *[other] { $rallies } manifestaciones
} en { $places ->
    [one] { $places } lugar
   *[other] { $places } lugares
} · { $going ->
    [one] { $going } persona va
   *[other] { $going } personas van
}
web-campaign-days = del { $from } al { $to }
web-find-near = Encuentra una manifestación cerca de ti
web-all-rallies = Todas las manifestaciones
web-search-place = Ciudad, código postal o coordenadas
web-search-placeholder = p. ej., 78701 o Austin, TX
web-search-within = A menos de
web-search-button = Buscar
web-near-heading = Cerca de { $origin }
web-near-none = Todavía no hay ninguna manifestación de { $campaign } a menos de { $radius } { $unit } de { $origin }. Prueba con una distancia mayor.
web-near-more = Hay más manifestaciones a esta distancia; se muestran las más cercanas.
web-see-every-rally = Ver todas las manifestaciones de { $campaign }
web-map-campaign = { $count ->
    [one] Mapa de la { $count } manifestación
   *[other] Mapa de las { $count } manifestaciones
}
web-map-near = Mapa de las manifestaciones encontradas cerca de { $origin }, numeradas como en la lista

## Lo que una búsqueda no pudo leer

web-radius-bad = Elige una distancia de la lista: más de 0 y como mucho { $max } { $unit }.

## La página de una manifestación

web-part-of = Parte de
web-organised-by = La organiza { $server }, miembro de la coalición.
web-when = Cuándo
web-where = Dónde
web-whos-coming = Quién viene
web-details = Detalles
web-take-part = Participa
web-take-part-discord = Di que vas, recibe recordatorios y conoce a los organizadores en Discord:
web-take-part-join = únete a los organizadores
web-take-part-come = Solo ven; los organizadores estarán ahí.
web-add-to-calendar = Agregar al calendario
web-ics-link = (enlace .ics)
web-until-time = { $start } hasta las { $end }
web-until-day = { $start } hasta el { $end }

## Otras páginas

web-home-text = rallybot ayuda a las redes de activistas a organizar manifestaciones en Discord. Cada servidor que publica sus manifestaciones tiene su propia página; pídeles el enlace a sus organizadores.
web-not-found = No encontrada
web-not-found-text = Aquí no hay ninguna página. Puede que el enlace esté mal escrito o que sus organizadores hayan quitado su página.
web-error = Algo salió mal

## Calendarios (sus nombres, como los muestran las aplicaciones de calendario)

web-feed-rallies = Manifestaciones
web-feed-server = { $server }: manifestaciones
