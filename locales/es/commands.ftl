# Spanish descriptions of rallybot's slash commands, shown by Discord to people whose client is
# in Spanish (es-ES and es-419). The English ones, and the names, are in src/commands/table.rs;
# a test checks that every command, subcommand, option and choice there has its entry here.
#
# Keys: command-NAME, group-COMMAND-GROUP, sub-PATH (words joined by -), option-NAME for an
# option that reads the same wherever it appears, option-NAME--PATH where one subcommand
# describes it its own way, and choice-OPTION-VALUE.
#
# Written as US organisers write Spanish, addressing people as "tú" throughout. Discord allows
# at most 100 characters in each.

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
option-when = Hora local de inicio, p. ej. 2026-12-05 18:00, next thursday 6pm
option-details = Qué traer, quién va a hablar…
option-address = Dirección o punto de encuentro
option-ends = Hora local de término, p. ej. 8pm
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
option-announcement_channel = Dónde publica /rallymod announce (por defecto: donde se usa)
option-moderator_channel = Dónde se publican para los moderadores las manifestaciones nuevas
option-announcement_role = El rol que un anuncio puede mencionar
option-daily_limit = Manifestaciones que un miembro puede crear al día (por defecto 5)
option-retention_days = Días que se guarda quién respondió, después de que termina la manifestación (por defecto 30)
option-public_page = Publica las manifestaciones aprobadas en una página web pública y en calendarios
option-invite_url = Una invitación de Discord que las páginas públicas muestran como «únete a quienes organizan»
option-language = El idioma de los recordatorios y publicaciones aquí (por defecto: el del servidor en Discord)
option-clear = Ajustes que quitar, p. ej. reminder_channel,announcement_role
option-name = El nombre de la campaña
option-name--rallymod-coalition-create = El nombre de la coalición
option-start = Primer día, p. ej. 2027-04-17
option-end = Último día, p. ej. 2027-04-17
option-description = De qué trata la campaña
option-coalition = La coalición (si este servidor está en más de una)
option-coalition--rallymod-campaign-create = Compártela con los servidores de esta coalición (una de la que este servidor es dueño)
option-restore = Restaura una campaña archivada
option-code = El código de invitación
option-server = El nombre o id del servidor, como aparece en members

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
