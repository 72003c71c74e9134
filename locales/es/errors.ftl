# Los errores y las negativas de rallybot en español, mensaje por mensaje como en
# locales/en/errors.ftl. De "tú" en todo momento; los comandos, con sus nombres en español.

## Cómo se llaman un campo, una acción o un estado dentro de un mensaje

field-title = el título
field-details = los detalles
field-address = la dirección
field-reason = el motivo
field-contact = el contacto
field-name = el nombre
field-description = la descripción
state-pending = pendiente
state-approved = aprobada
state-rejected = rechazada
state-cancelled = cancelada

# "Solo quien organiza la manifestación #12 o un moderador puede …"
rally-action-edit-it = editarla
rally-action-cancel-it = cancelarla
rally-action-approve-it = aprobarla
rally-action-announce-it = anunciarla
rally-action-reject-it = rechazarla
rally-action-rsvp-it = responder a ella
# "La manifestación #12 está cancelada, así que no se puede …"
rally-action-edited = editar
rally-action-cancelled = cancelar
rally-action-approved = aprobar
rally-action-announced = anunciar
rally-action-rejected = rechazar
rally-action-rsvped = responder a ella
# "Solo los moderadores pueden …"
action-approve-rallies = aprobar manifestaciones
action-reject-rallies = rechazar manifestaciones
action-announce-rallies = anunciar manifestaciones
action-change-organiser = cambiar quién organiza una manifestación
action-see-queue = ver las manifestaciones que esperan aprobación
action-see-settings = ver los ajustes del servidor
action-change-settings = cambiar los ajustes del servidor
action-see-undelivered = ver lo que no se pudo entregar
action-see-audit-log = ver el historial de moderación
action-create-campaigns = crear campañas
action-edit-campaigns = editar campañas
action-archive-campaigns = archivar campañas
action-drop-from-shared = sacar manifestaciones de una campaña compartida
action-create-coalition = crear una coalición
action-invite-to-coalition = invitar servidores a una coalición
action-join-coalition = unirse a una coalición
action-see-coalition-members = ver los miembros de una coalición
action-leave-coalition = salir de una coalición
action-remove-from-coalition = quitar un servidor de una coalición
# "Solo los moderadores del servidor dueño de una coalición pueden …"
owner-action-invite = invitar servidores
owner-action-remove = quitar servidores
owner-action-share = compartir campañas con ella
permission-view-channel = Ver canal
permission-send-messages = Enviar mensajes
permission-embed-links = Insertar enlaces
permission-mention-everyone = Mencionar @everyone, @here y todos los roles
unit-miles = millas
unit-km = km

## Quién puede hacer qué, y en qué estado

error-control-characters = Hay caracteres de control (como tabulaciones o caracteres invisibles) en { $field }; quítalos y vuelve a intentarlo.
error-not-organiser-or-moderator = Solo quien organiza la manifestación #{ $id } o un moderador puede { $action }.
error-moderators-only = Solo los moderadores pueden { $action }. Son moderadores quienes tienen el permiso Gestionar eventos o el rol de moderación del servidor.
error-wrong-status = La manifestación #{ $id } está { $status }, así que no se puede { $action }.
error-already-started = La manifestación #{ $id } ya empezó, así que no se puede { $action }.
error-coalition-owners-only = Solo los moderadores del servidor dueño de una coalición pueden { $action }.
error-page-not-found = Esa página no existe: puede que su servidor haya desactivado sus páginas públicas.
error-not-server-channel = { $channel } no es un canal de este servidor que yo pueda ver; elige uno de aquí.
error-bot-missing-permissions = No puedo publicar en { $channel }: me falta { $missing }. Dame ese permiso en los permisos del canal y vuelve a intentarlo.
error-no-announcement-role = No hay ningún rol de anuncios configurado, así que no hay a quién mencionar; configura uno con /moderar ajustes rol_anuncios:, o usa mencionar:none.

## El valor de una opción

error-bad-option = "{ $input }" no es un valor válido para { $option }; { $expected }.
expected-rsvp-answer = usa going, interested o not_going
expected-language = usa en o es
expected-unit = usa mi o km
expected-ping = pon role (el rol de anuncios), everyone o none
expected-true-or-false = usa true o false
expected-number = pon un número, por ejemplo { $example }
expected-whole-number = pon un número entero
expected-whole-number-in = pon un número entero del { $min } al { $max }, por ejemplo { $example }
expected-lead = indica un tiempo de entre { $min } minuto y { $max } días antes del inicio, por ejemplo 30m, 2h o 1d
expected-at-most-leads = indica { $max } tiempos como máximo, por ejemplo 24h,1h
expected-channel = pon el id o la mención de un canal
expected-role = pon el id o la mención de un rol, o none
expected-user = pon el id o la mención de un usuario
expected-radius = indica una distancia mayor que 0 y de { $max } { $unit } como máximo
expected-address-visibility = usa public, going u organisers
expected-invite-url = pon un enlace de invitación de Discord como https://discord.gg/AbCd123 (Ajustes del servidor > Invitaciones), o none
expected-clearable = nombra los ajustes que quieres quitar, separados por comas: { $names } (y no les des también un valor)
expected-mydata-action = usa show, export o delete

## Lugares y horas

place-forms = Prueba con "Ciudad, ST", un código postal (ZIP) de EE. UU. de 5 dígitos o "lat,lon".
place-empty = Indica un lugar. { place-forms }
place-too-long = Ese lugar es demasiado largo ({ $len } caracteres); { $max } como máximo. { place-forms }
place-unknown = No conozco ningún lugar llamado "{ $input }". { place-forms }
place-unknown-suggest = No conozco ningún lugar llamado "{ $input }". ¿Quisiste decir: { $suggestions }? { place-forms }
place-bad-coordinates = "{ $input }" no es una posición que pueda usar: { $reason }. Escribe grados decimales como "lat,lon", por ejemplo "30.2672,-97.7431", con la latitud entre -90 y 90 y la longitud entre -180 y 180.
coordinates-longitude-first = pon primero la latitud y después la longitud
coordinates-latitude = la latitud { $value } está fuera del rango -90..90
coordinates-longitude = la longitud { $value } está fuera del rango -180..180
coordinates-not-two-numbers = hacen falta dos números, la latitud y la longitud
place-unknown-zip = No conozco el código postal (ZIP) { $zip } de EE. UU. Revísalo, o indica la ciudad, por ejemplo "Austin, TX".
place-malformed-zip = "{ $input }" no es un código postal (ZIP) de EE. UU.: esos tienen 5 dígitos. { place-forms }
error-unknown-time-zone = "{ $input }" no es una zona horaria que conozca; usa un nombre IANA como America/Chicago o Europe/London.
error-place-missing = Falta el lugar; indica una ciudad y un estado ("Austin, TX") o un código postal (ZIP).
error-date-and-time-needed = Hacen falta la fecha y la hora, por ejemplo 2027-04-17 y 18:00.

## Campañas y coaliciones

error-campaign-not-found = No hay ninguna campaña "{ $name }" en este servidor. { $known }
campaigns-none = Todavía no hay ninguna; un moderador puede crear una con /moderar campaña crear.
campaigns-known = Campañas de este servidor: { $names }.
error-campaign-name-taken = Este servidor ya tiene una campaña llamada "{ $name }" (sin distinguir mayúsculas y minúsculas); elige otro nombre.
error-campaign-archived = La campaña "{ $name }" está archivada, así que no admite manifestaciones nuevas. Un moderador puede restaurarla con /moderar campaña archivar campaña:"{ $name }" restaurar:true.
error-outside-campaign = La manifestación empieza el { $when }, fuera de la campaña "{ $name }" ({ $span }); elige una fecha dentro de la campaña, u otra campaña.
campaign-span = del { $start } al { $end }
campaign-name-empty = Falta el nombre de la campaña; ponle un nombre corto, por ejemplo nombre:"Día de Acción".
campaign-name-too-long = El nombre de la campaña tiene { $len } caracteres; acórtalo a { $max } como máximo.
campaign-name-without-letters = El nombre de la campaña necesita al menos una letra o un número.
campaign-name-with-bar = El nombre de la campaña no puede llevar "|"; usa otro separador.
campaign-name-reserved = "none" y los nombres como "#12" tienen un significado especial; elige otro nombre para la campaña.
campaign-description-too-long = La descripción tiene { $len } caracteres; acórtala a { $max } como máximo.
campaign-bad-day = "{ $input }" no es una fecha que pueda leer para { $option }:; pon una fecha como 2027-04-17.
campaign-end-before-start = El fin, { $end }, es anterior al inicio, { $start }; pon un fin el mismo día del inicio o después.
campaign-end-passed = La campaña terminaría el { $end }, que ya pasó; pon fechas que todavía no hayan llegado.
campaign-start-too-far = El inicio, { $start }, es dentro de más de dos años; las campañas se pueden planear con dos años de anticipación como máximo.
campaign-too-long = La campaña duraría { $days } días; una campaña puede durar { $max } días como máximo.
campaign-rallies-outside = { $count ->
    [one] { $count } manifestación de la campaña ({ $ids }) quedaría fuera de sus fechas ({ $span }); muévela primero o elige fechas que la incluyan.
   *[other] { $count } manifestaciones de la campaña ({ $ids }) quedarían fuera de sus fechas ({ $span }); muévelas primero o elige fechas que las incluyan.
}
campaign-nothing-to-change = No hay nada que cambiar: indica al menos uno de nombre:, inicio:, fin: o descripción:.
campaign-nothing-changed = No cambió nada: los valores que diste son los que la campaña ya tiene.
campaign-not-archived = La campaña "{ $name }" no está archivada.
campaign-already-archived = La campaña "{ $name }" ya está archivada.
error-coalition-name-taken = Este servidor ya es dueño de una coalición llamada "{ $name }"; elige otro nombre.
error-coalition-not-found = Este servidor no está en ninguna coalición llamada "{ $name }". { $known }
coalitions-none = Este servidor todavía no está en ninguna coalición.
coalitions-known = Coaliciones de este servidor: { $names }.
coalition-bad-name = El nombre de una coalición tiene de 1 a { $max } caracteres en una sola línea, por ejemplo nombre:"Familias Unidas".
coalition-name-with-bar = El nombre de una coalición no puede llevar "|"; usa otro separador.
error-too-many-coalitions = Este servidor ya está en { $max } coaliciones, el máximo permitido; primero sal de una con /moderar coalición salir.
error-already-in-coalition = Este servidor ya es miembro de esa coalición.
error-bad-invite-code = Ese código no es una invitación a una coalición que se pueda usar: puede que ya se haya usado o que haya vencido (los códigos duran 7 días). Pídele uno nuevo al servidor dueño de la coalición.
error-owner-cannot-leave = Este servidor es dueño de la coalición "{ $name }", así que no puede salir de ella; en su lugar, quita a los demás servidores.
error-not-a-member = "{ $server }" no es un servidor miembro de "{ $coalition }" que se pueda quitar; consulta /moderar coalición miembros.
error-shared-campaign-owners-only = La campaña "{ $name }" la comparte una coalición; solo los moderadores del servidor al que pertenece pueden cambiarla.
error-not-in-shared-campaign = La manifestación #{ $id } no está en ninguna campaña que tu servidor comparta con el suyo.

## Un comando que no encaja en la tabla

request-unknown-command = No existe el comando /{ $command }. Escribe /help para ver la lista de comandos.
request-missing-option = /{ $command } necesita la opción { $option }:, por ejemplo { $example }.
request-unknown-option = /{ $command } no tiene la opción { $option }:. Sus opciones son: { $allowed }.
request-no-options = ninguna
request-unread = /{ $command } no leyó su opción { $option }:; es un error de rallybot.

## Etiquetas de autocompletado

hint-pending = (pendiente)
hint-archived = (archivada)
