# El /help de la consola: los encabezados de la lista de comandos, que se arma con la tabla de
# comandos.
help-commands = Comandos (opciones como nombre:valor; entre comillas si el valor tiene espacios):
help-moderators = Moderación:
help-console =
    Solo en la consola:
      /as NOMBRE [--mod] [--server N] [--locale es]   actúa como otra persona (--mod: con Gestionar
                                      eventos; --locale es: comandos y horas en español)
      /clock [+2h | set 2026-12-01T09:00:00Z]   muestra o mueve el reloj simulado
      /manifestación mis-datos acción:confirm   confirma que quieres borrar tus datos (en Discord es un botón)
      /help, /quit
    Lugares: "Ciudad, ST", "Ciudad, Estado", "Ciudad", un código postal de EE. UU. ("19104") o "lat,lon".
    Las horas se leen en la zona horaria de la manifestación: "2026-12-05 18:00", "30/6 18:00",
    "mañana a mediodía", "el próximo jueves 18:30", "en 3 horas". zona: cambia la zona horaria del lugar.
