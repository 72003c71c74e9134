# Spanish descriptions of rallybot's slash commands, shown by Discord to people whose client is
# in Spanish (es-ES and es-419). The English ones, and the names, are in src/commands/table.rs;
# a test checks that every command, subcommand, option and choice there has its entry here.
#
# Keys: command-NAME, group-COMMAND-GROUP, sub-PATH (words joined by -), option-NAME for an
# option that reads the same wherever it appears, option-NAME--PATH where one subcommand
# describes it its own way, and choice-OPTION-VALUE. The same keys with name- in front hold
# the names people see and type.
#
# Written as US organisers write Spanish, addressing people as "tú" throughout. Discord allows
# at most 100 characters in each description, and names of at most 32 letters, digits, - and _,
# in lower case. Discord sends the English names back, so a name can change without breaking
# anything but habits; the replies in replies.ftl name commands by these names.

## Names

name-command-rally = manifestación
name-command-rallymod = moderar

name-group-rallymod-campaign = campaña
name-group-rallymod-coalition = coalición

name-sub-rally-create = crear
name-sub-rally-near = cerca
name-sub-rally-info = ver
name-sub-rally-list = lista
name-sub-rally-rsvp = responder
name-sub-rally-mine = mías
name-sub-rally-remindme = recordarme
name-sub-rally-edit = editar
name-sub-rally-cancel = cancelar
name-sub-rally-about = acerca
name-sub-rally-mydata = mis-datos
name-sub-rally-campaign = campaña
name-sub-rallymod-queue = pendientes
name-sub-rallymod-approve = aprobar
name-sub-rallymod-reject = rechazar
name-sub-rallymod-announce = anunciar
name-sub-rallymod-settings = ajustes
name-sub-rallymod-status = estado
name-sub-rallymod-log = historial
name-sub-rallymod-campaign-create = crear
name-sub-rallymod-campaign-edit = editar
name-sub-rallymod-campaign-archive = archivar
name-sub-rallymod-campaign-remove = quitar
name-sub-rallymod-coalition-create = crear
name-sub-rallymod-coalition-invite = invitar
name-sub-rallymod-coalition-join = unirse
name-sub-rallymod-coalition-members = miembros
name-sub-rallymod-coalition-leave = salir
name-sub-rallymod-coalition-remove = quitar

name-option-rally = manifestación
name-option-title = título
name-option-place = lugar
name-option-when = cuándo
name-option-details = detalles
name-option-address = dirección
name-option-ends = termina
name-option-tz = zona
name-option-campaign = campaña
name-option-address_visibility = visibilidad_dirección
name-option-radius = radio
name-option-unit = unidad
name-option-days = días
name-option-status = respuesta
name-option-before = antes
name-option-organiser = organizador
name-option-reason = motivo
name-option-action = acción
name-option-channel = canal
name-option-ping = mencionar
name-option-require_approval = requiere_aprobación
name-option-moderator_role = rol_moderación
name-option-reminder_channel = canal_recordatorios
name-option-reminder_offsets = antelación_recordatorios
name-option-announcement_channel = canal_anuncios
name-option-moderator_channel = canal_moderación
name-option-announcement_role = rol_anuncios
name-option-daily_limit = límite_diario
name-option-retention_days = días_conservación
name-option-public_page = página_pública
name-option-invite_url = enlace_invitación
name-option-language = idioma
name-option-clear = quitar
name-option-name = nombre
name-option-start = inicio
name-option-end = fin
name-option-description = descripción
name-option-coalition = coalición
name-option-restore = restaurar
name-option-code = código
name-option-server = servidor

## Examples, where the English one is words a Spanish reader would not type

example-title = Familias Unidas
example-when = el jueves 18:00
example-details = Trae agua
example-address = Escalinata del ayuntamiento
example-ends = 20:00
example-reason = alerta de tormenta
example-campaign = Jornada de Acción

## Descriptions

command-rally = Busca, crea y confirma tu asistencia a manifestaciones
command-rallymod = Modera las manifestaciones de este servidor

group-rallymod-campaign = Campañas: jornadas de acción que reúnen muchas manifestaciones
group-rallymod-coalition = Coaliciones: servidores que comparten campañas

sub-rally-create = Registra una manifestación
sub-rally-near = Busca manifestaciones cerca de un lugar
sub-rally-info = Muestra una manifestación
sub-rally-list = Próximas manifestaciones en este servidor
sub-rally-rsvp = Di si vas a ir
sub-rally-mine = Tus manifestaciones y tus respuestas
sub-rally-remindme = Cuándo enviarte un recordatorio de una manifestación a la que vas
sub-rally-edit = Cambia una manifestación que organizas
sub-rally-cancel = Cancela una manifestación que organizas
sub-rally-about = Sobre rallybot, sus datos y sus comandos
sub-rally-mydata = Lo que rallybot guarda sobre ti: verlo, exportarlo o borrarlo
sub-rally-campaign = Las manifestaciones de una campaña por estado y ciudad, o de la más cercana a la más lejana
sub-rallymod-queue = Manifestaciones que esperan aprobación
sub-rallymod-approve = Aprueba una manifestación enviada
sub-rallymod-reject = Rechaza una manifestación enviada
sub-rallymod-announce = Publica en un canal la tarjeta de una manifestación con botones para responder
sub-rallymod-settings = Muestra o cambia la configuración de rallybot aquí
sub-rallymod-status = Recordatorios y avisos de cambios que no se pudieron entregar, y por qué
sub-rallymod-log = Quién hizo qué, lo más reciente primero: de una manifestación o de todas
sub-rallymod-campaign-create = Crea una campaña (una jornada de acción)
sub-rallymod-campaign-edit = Cambia una campaña
sub-rallymod-campaign-archive = Archiva una campaña: conserva sus manifestaciones y no acepta nuevas
sub-rallymod-campaign-remove = Saca de una campaña compartida la manifestación de otro servidor
sub-rallymod-coalition-create = Crea una coalición de la que este servidor es dueño
sub-rallymod-coalition-invite = Un código de un solo uso para que los moderadores de otro servidor se unan (vale 7 días)
sub-rallymod-coalition-join = Únete a una coalición con el código que te dio su dueño
sub-rallymod-coalition-members = Los servidores de una coalición
sub-rallymod-coalition-leave = Saca a este servidor de una coalición
sub-rallymod-coalition-remove = Quita un servidor de una coalición de la que este servidor es dueño

option-rally = La manifestación (empieza a escribir su título o ciudad)
option-title = Cómo se llama la manifestación
option-place = Ciudad y estado, código postal de EE. UU., o lat,lon
option-when = Hora local de inicio, p. ej. 2026-12-05 18:00, el jueves 18:00
option-details = Qué traer, quién va a hablar…
option-address = Dirección o punto de encuentro
option-ends = Hora local de término, p. ej. 20:00
option-tz = Zona horaria, si no es la del lugar (p. ej. America/Chicago)
option-campaign = La campaña (empieza a escribir su nombre)
option-campaign--rally-edit = La campaña a la que pasarla, o none para ninguna
option-address_visibility = Quién ve la dirección: todos, quienes van (por defecto) u organizadores
option-radius = Qué tan lejos (por defecto 50)
option-unit = Millas o kilómetros
option-days = Solo los próximos N días
option-status = Tu respuesta (por defecto: voy)
option-before = Cuánto antes del inicio, p. ej. 30m, 2h, 1d; u off para ninguno
option-organiser = Moderadores: dale a la manifestación otra persona organizadora
option-reason = Por qué, para quienes pensaban ir
option-reason--rallymod-reject = Se le dice a quien la organiza
option-action = Qué hacer (por defecto: mostrar)
option-channel = Dónde (por defecto: aquí)
option-ping = A quién mencionar (por defecto: el rol de anuncios, si hay uno)
option-require_approval = Si las manifestaciones nuevas esperan a un moderador
option-moderator_role = Un rol cuyos miembros moderan manifestaciones, además de Gestionar eventos
option-reminder_channel = Dónde se publican los recordatorios (por defecto: donde se creó cada manifestación)
option-reminder_offsets = Cuándo salen los recordatorios en el canal, p. ej. 24h,1h
option-announcement_channel = Dónde publica /moderar anunciar (por defecto: donde se usa)
option-moderator_channel = Dónde se publican para los moderadores las manifestaciones nuevas
option-announcement_role = El rol que un anuncio puede mencionar
option-daily_limit = Manifestaciones que un miembro puede crear al día (por defecto 5)
option-retention_days = Días que se guarda quién respondió, después de que termina la manifestación (por defecto 30)
option-public_page = Publica las manifestaciones aprobadas en una página web pública y en calendarios
option-invite_url = Una invitación de Discord que las páginas públicas muestran como «únete a quienes organizan»
option-language = El idioma de los recordatorios y publicaciones aquí (por defecto: el del servidor en Discord)
option-clear = Ajustes que quitar, p. ej. canal_recordatorios,rol_anuncios
option-name = El nombre de la campaña
option-name--rallymod-coalition-create = El nombre de la coalición
option-start = Primer día, p. ej. 2027-04-17
option-end = Último día, p. ej. 2027-04-17
option-description = De qué trata la campaña
option-coalition = La coalición (si este servidor está en más de una)
option-coalition--rallymod-campaign-create = Compártela con los servidores de esta coalición (una de la que este servidor es dueño)
option-restore = Restaura una campaña archivada
option-code = El código de invitación
option-server = El nombre o id del servidor, como aparece en miembros

choice-unit-mi = millas
choice-unit-km = kilómetros
choice-language-en = Inglés (English)
choice-language-es = Español
choice-address_visibility-public = todos (pública)
choice-address_visibility-going = quienes van
choice-address_visibility-organisers = organizadores y moderadores
choice-status-going = voy
choice-status-interested = me interesa
choice-status-not_going = no puedo ir
choice-action-show = mostrar
choice-action-export = exportar como archivo
choice-action-delete = borrar
choice-ping-role = el rol de anuncios
choice-ping-everyone = @everyone
choice-ping-none = nadie
