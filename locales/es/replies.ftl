# Las respuestas de rallybot en español, mensaje por mensaje como en locales/en/replies.ftl (una
# prueba comprueba que estén todos y con los mismos argumentos). Escrito como escriben los
# organizadores en EE. UU., de "tú" en todo momento.

## Respuestas a comandos

created-pending = La manifestación #{ $id } quedó enviada. Un moderador la revisará antes de publicarla.
created-listed = La manifestación #{ $id } ya está publicada.
edited = La manifestación #{ $id } quedó actualizada.
cancelled = La manifestación #{ $id } quedó cancelada.
approved = La manifestación #{ $id } quedó aprobada y publicada.
rejected = La manifestación #{ $id } quedó rechazada.
dropped = La manifestación #{ $id } ya no está en la campaña compartida.
note = Nota: { $note }
remind-on = Te mandaré un mensaje directo { $lead } antes de #{ $id } { $title }.
remind-off = Tu recordatorio para #{ $id } { $title } está apagado.
rsvp-going = Vas a #{ $id } { $title }.
rsvp-interested = Te interesa #{ $id } { $title }.
rsvp-not-going = No vas a #{ $id } { $title }.
rsvp-meeting-point = Punto de encuentro: { $address }
approved-by = La manifestación #{ $id } { $title } quedó aprobada; ya se le avisó a quien la organiza. ({ $moderator })

## Listas

list-count = { $title } ({ $count })
list-upcoming = Próximas manifestaciones
list-upcoming-empty = Todavía no hay próximas manifestaciones en este servidor. Crea una con /manifestación crear.
list-queue = Esperando aprobación
list-queue-empty = No hay nada esperando aprobación.
list-mine = Tus manifestaciones y respuestas
list-mine-empty = No tienes próximas manifestaciones ni respuestas en este servidor.
list-campaign = Próximas manifestaciones de { $campaign }
list-campaign-empty = Todavía no hay próximas manifestaciones en la campaña { $campaign }.
mine-organise = la organizas tú
mine-interested = te interesa
mine-going = vas
line-pending = (pendiente)
line-rejected = (rechazada)
line-cancelled = (CANCELADA)
line-going = { $going ->
    [one] { $going } va
   *[other] { $going } van
}
line-from = de { $server }
page-footer = Página { $page } de { $pages }
page-previous = ◀ Anterior
page-next = Siguiente ▶

## Cerca

near-none = No hay próximas manifestaciones a menos de { $radius } { $unit } de { $origin }.
near-title = Manifestaciones a menos de { $radius } { $unit } de { $origin } ({ $count }{ $more })
near-title-campaign = Manifestaciones de { $campaign } a menos de { $radius } { $unit } de { $origin } ({ $count }{ $more })
near-away = a { $distance } { $unit }

## La tarjeta de una manifestación

card-title-from = #{ $id } { $title } · de { $server }
card-when = Cuándo
card-local = Hora local: { $time }
card-ends = Termina { $time }
card-where = Dónde
card-address = Dirección
card-organiser = Organiza
card-organiser-gone = alguien que ya no es miembro
card-contact = Contacto
card-rsvps = Respuestas
card-rsvp-counts = { $going ->
    [one] { $going } va
   *[other] { $going } van
} · { $interested ->
    [one] { $interested } le interesa
   *[other] { $interested } les interesa
}
card-status = Estado
status-pending = Esperando aprobación
status-rejected = Rechazada
status-cancelled = Cancelada
button-going = Voy ({ $count })
button-interested = Me interesa ({ $count })
button-cant-go = No puedo ir

## Errores, y qué corregir

error-title-empty = Falta el título. Ponle a la manifestación un título corto, por ejemplo title:"Familias Unidas".
error-title-too-long = El título tiene { $len } caracteres; acórtalo a { $max } como máximo.
error-details-too-long = Los detalles tienen { $len } caracteres; acórtalos a { $max } como máximo.
error-address-too-long = La dirección tiene { $len } caracteres; acórtala a { $max } como máximo.
error-contact-too-long = El contacto tiene { $len } caracteres; acórtalo a { $max } como máximo.
error-reason-too-long = El motivo tiene { $len } caracteres; acórtalo a { $max } como máximo.
error-start-in-past = La hora de inicio, { $when }, ya pasó; elige una hora que todavía no haya llegado.
error-start-too-far = La hora de inicio, { $when }, es dentro de más de dos años; las manifestaciones se pueden planear con dos años de anticipación como máximo.
error-end-not-after-start = La hora de fin, { $end }, no es posterior a la de inicio, { $start }; pon un fin después del inicio, o déjalo en blanco.
error-rally-not-found = No hay ninguna manifestación #{ $id } que puedas ver en este servidor. Revisa el número con /manifestación lista.
error-bad-rally-id = "{ $input }" no es un número de manifestación; pon el número que aparece como #N, por ejemplo rally:12.
error-nothing-to-change = No hay nada que cambiar: indica al menos un campo, por ejemplo title:"..." o when:"...".
error-needs-server = Este comando solo funciona dentro de un servidor, no en mensajes directos.
error-daily-limit = Ya creaste { $limit } manifestaciones en este servidor en las últimas 24 horas, el máximo que permite; vuelve a intentarlo mañana o pídeselo a un moderador.
error-duplicate = La manifestación #{ $id } ya tiene este título y lugar el mismo día; edítala (/manifestación editar manifestación:{ $id }) en lugar de crearla dos veces.
error-remind-needs-going = Los recordatorios personales son para quienes van: primero confirma que vas a la manifestación #{ $id } (/manifestación responder manifestación:{ $id }).
error-internal = Lo sentimos, algo falló de nuestro lado. Si sigue pasando, dales a los administradores del servidor el código de error { $error_id }.

## Enviado sin que nadie lo pida en ese momento: recordatorios, mensajes directos, tarjetas
## editadas, publicaciones para moderadores

reminder = Recordatorio: #{ $id } { $title } empieza en { $when }, en { $place }.
notice-changed = La manifestación #{ $id } { $title } cambió.
notice-changed-answer = Si ya no puedes ir, cambia tu respuesta con /manifestación responder manifestación:{ $id }.
notice-cancelled = La manifestación #{ $id } { $title }, prevista para { $starts } en { $place }, quedó cancelada.
notice-reason = Motivo: { $reason }
notice-approved = Tu manifestación #{ $id } { $title } quedó aprobada y publicada. Compártela con /manifestación ver manifestación:{ $id }.
notice-rejected = Tu manifestación #{ $id } { $title } no fue aprobada.
moved-start = Inicio: antes { $was }, ahora { $now }
moved-end = Fin: antes { $was }, ahora { $now }
moved-place = Lugar: antes { $was }, ahora { $now }
moved-address = Dirección: antes { $was }, ahora { $now }
moved-none = ninguna
card-note-updated = Actualizada: la manifestación #{ $id } cambió; la tarjeta la muestra como está ahora.
card-note-cancelled = Cancelada: la manifestación #{ $id } no se realizará.
moderator-post = Nueva propuesta #{ $id } de { $organiser }, esperando aprobación.
