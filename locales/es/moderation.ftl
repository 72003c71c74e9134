# Las herramientas de moderación de rallybot en español, mensaje por mensaje como en
# locales/en/moderation.ftl: la cola de aprobación, los ajustes, lo que no se pudo entregar, el
# historial, las campañas, las coaliciones, los anuncios y el formulario de rechazo; también
# los datos de cada persona. De "tú" en todo momento, con los nombres de comando en español.

## /moderar pendientes, y el aviso sobre una manifestación que coincide con otra

queue-clash = ⚠ coincide
queue-line = { $time } · { $place } · propuesta de { $organiser }
button-approve = Aprobar #{ $id }
button-reject = Rechazar #{ $id }
clash = Ojo: a menos de { $miles } millas y { $hours } horas de otra manifestación aprobada: { $rallies }. Piensen en unir fuerzas o cambiar la hora.

## Rechazar: el formulario, y lo que dice al terminar

reject-modal-title = Rechazar la manifestación #{ $id }
reject-modal-reason = Motivo (se le dirá a quien la organiza)
rejected-by = La manifestación #{ $id } { $title } quedó rechazada; ya se le avisó a quien la organiza. ({ $moderator })
rejected-by-with-reason = La manifestación #{ $id } { $title } quedó rechazada; ya se le avisó a quien la organiza, con el motivo. ({ $moderator })
ask-reject-reason = Da el motivo con /moderar rechazar manifestación:{ $id } motivo:
ask-reject-reason-typed = Da el motivo con /moderar rechazar manifestación:{ $id } motivo:"...".
card-recorded = Anotado.

## /moderar anunciar

announced = Anunciada en { $channel }.
announce-failed = No pude publicar en { $channel }: revisa que pueda ver el canal, enviar mensajes e insertar enlaces ahí. ({ $error })

## /moderar ajustes

settings-title = Ajustes de rallybot en este servidor
settings-console-title = Ajustes del servidor { $id }:
settings-page = Página pública
settings-page-about = Cualquiera con el enlace ve las manifestaciones aprobadas (sin nombres, y sin direcciones a menos que se hayan hecho públicas).
settings-page-address = dirección de la página pública: { $url }
settings-name-require-approval = requiere_aprobación
settings-name-unit = unidad
settings-name-moderator-role = rol_moderación
setting-require-approval = requiere aprobación
setting-moderator-role = rol de moderación
setting-distance-unit = unidad de distancia
setting-reminder-channel = canal de recordatorios
setting-reminder-offsets = antelación de los recordatorios
setting-announcement-channel = canal de anuncios
setting-moderator-channel = canal de moderación
setting-announcement-role = rol que se menciona en los anuncios
setting-daily-limit = límite diario
setting-retention = conservar quién respondió
setting-public-page = página pública
setting-invite-link = enlace de invitación
setting-language = idioma
setting-true = sí
setting-false = no
setting-yes = sí
setting-no = no
setting-none = ninguno
setting-channel = canal { $id }
setting-role = rol { $id }
setting-per-day = { $count ->
    [one] { $count } manifestación por miembro
   *[other] { $count } manifestaciones por miembro
}
setting-days = { $count ->
    [one] { $count } día después de que termina una manifestación
   *[other] { $count } días después de que termina una manifestación
}
setting-english = inglés
setting-spanish = español
setting-language-discord = { $language } (el del servidor en Discord)
setting-unset-reminder-channel = donde se creó cada manifestación
setting-unset-announcement-channel = donde se usa el comando
setting-unset-moderator-channel = ninguno (mira /moderar pendientes)

## /moderar estado

status-all-delivered = Hasta ahora se entregaron todos los recordatorios y mensajes de cambios.
status-reminders-failed = Recordatorios que fallaron ({ $count })
status-messages-failed = Mensajes de cambios que fallaron ({ $count })
status-reminder = { $lead } antes, a { $target }: { $why }
status-channel-reminder = recordatorio en canal { $lead } antes, a { $target }: { $why }
status-personal-reminder = recordatorio personal { $lead } antes, a { $target }: { $why }
status-card-edit = edición de la tarjeta en { $channel }
status-moderator-post = publicación para moderadores en { $channel }
status-dm = mensaje directo a { $user }
status-user = usuario { $id }
failure-dms-closed = tiene cerrados los mensajes directos
failure-unknown = no quedó registrado el motivo

## /moderar historial

log-title = Historial
log-title-rally = Historial de la manifestación #{ $id }
log-empty = { $title }: todavía no hay nada registrado.
log-before = Antes: { $before }
log-after = Después: { $after }
log-line = { $when } { $action }{ $rally } por { $actor }
log-line-before = antes: { $before }
log-line-after = después: { $after }
log-action-create = creación
log-action-edit = edición
log-action-cancel = cancelación
log-action-approve = aprobación
log-action-reject = rechazo
log-action-announce = anuncio
log-action-settings = ajustes
log-action-campaign-remove = retiro de la campaña
log-action-coalition-create = creación de coalición
log-action-coalition-invite = invitación a la coalición
log-action-coalition-join = entrada a la coalición
log-action-coalition-leave = salida de la coalición
log-action-coalition-remove = retiro de la coalición

## /moderar campaña

campaign-created = La campaña "{ $name }" quedó creada.
campaign-edited = La campaña "{ $name }" quedó actualizada.
campaign-archived = La campaña "{ $name }" quedó archivada: conserva sus manifestaciones y no acepta nuevas.
campaign-restored = La campaña "{ $name }" quedó restaurada: vuelve a aceptar manifestaciones nuevas.
campaign-when = Cuándo: { $span }
campaign-about = De qué trata: { $description }

## /moderar coalición

coalition-created = La coalición { $name } quedó creada, y este servidor es su dueño. Invita a los moderadores de otro servidor con /moderar coalición invitar; comparte una campaña con /moderar campaña crear … coalición:{ $name }.
coalition-invited = Invitación a { $name }: dale este código en privado a un moderador del servidor que invitas. Sirve una sola vez, hasta el { $expires }.
coalition-invited-join = Se unen con /moderar coalición unirse código:{ $code }
coalition-joined = Este servidor se unió a la coalición { $name }. Sus campañas compartidas ya aparecen en /manifestación campaña, /manifestación cerca y la opción campaña; sus moderadores siguen aprobando las manifestaciones de este servidor.
coalition-members = Servidores en { $name } ({ $count }):
coalition-member = - { $server } · id { $id }{ $owner } · se unió el { $joined }
coalition-owner = (dueño)
coalition-left = Este servidor salió de la coalición { $name }: sus manifestaciones ya no están en las campañas compartidas, y las de los demás ya no aparecen en las búsquedas de este servidor.
coalition-removed = { $server } ya no está en la coalición { $name }: sus manifestaciones ya no están en las campañas compartidas.

## /manifestación mis-datos

mydata-title = Lo que rallybot guarda sobre ti:
mydata-no-rsvps = - Ninguna respuesta.
mydata-rsvp = - Respuesta "{ $status }" a #{ $id } { $title } ({ $starts }{ $reminder }), respondida el { $answered }
mydata-reminder-off = , recordatorio apagado
mydata-reminder = , recordatorio { $lead } antes
mydata-message = - Un { $kind } sobre la manifestación #{ $id }: { $status }
mydata-organise = - Organizas #{ $id } { $title } ({ $status })
mydata-audit = - { $count ->
    [one] { $count } entrada
   *[other] { $count } entradas
} en los historiales de los servidores sobre lo que hiciste como organizador o moderador
mydata-keep = Quién respondió a una manifestación se borra unos días después de que termina (30, salvo que el servidor haya elegido otra cosa); los totales se quedan. /manifestación mis-datos acción:export te lo da todo en un archivo; acción:delete lo borra.
mydata-forgotten = Listo: se borraron { $rsvps } respuestas y { $messages } mensajes para ti, en todos los servidores.
mydata-forgotten-rallies = Las { $rallies } manifestaciones que organizaste se quedan, organizadas por "alguien que ya no es miembro"; los moderadores de su servidor pueden darles otra persona que las organice o cancelarlas.
mydata-confirm-forget = Esto borra tus respuestas, tus recordatorios y los mensajes que te esperan, en todos los servidores, y quita tu nombre de las manifestaciones que organizas. No se puede deshacer. ¿Borrar todo?
mydata-confirm-typed = En Discord lo confirma un botón; aquí, escribe /manifestación mis-datos acción:confirm.
mydata-export = Todo lo que rallybot guarda sobre ti, en un archivo que solo tú puedes ver.
button-forget = Borrar todo
code-going = voy
code-interested = me interesa
code-channel-reminder = recordatorio en canal
code-personal-reminder = recordatorio personal
code-notice = aviso
code-card-edit = edición de tarjeta
code-moderator-post = publicación para moderadores
code-pending = pendiente
code-sending = enviándose
code-sent = enviado
code-failed = falló
code-skipped = omitido
code-unknown = desconocido
code-approved = aprobada
code-rejected = rechazada
code-cancelled = cancelada
