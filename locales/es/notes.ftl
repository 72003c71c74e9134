# Notas que acompañan una respuesta, y lo que alguien sabe de un mensaje que no le llegó.

note-place-guess = Entendí «{ $typed }» como { $chosen }. Otros lugares con ese nombre: { $others }. Agrega el estado o el país para elegir otro.
on-the-web = Eso se ve en las páginas web públicas; su dirección está en /manifestación acerca.
untold-dms-closed = tus mensajes directos están cerrados
untold-refused = Discord lo rechazó
untold-reminder = No se pudo enviar tu recordatorio de la manifestación #{ $id }: { $why }. Para recibir recordatorios, permite mensajes directos de los miembros de este servidor.
untold-notice = No pude enviarte un mensaje directo sobre la manifestación #{ $id } ({ $why }); mírala ahora con /manifestación ver manifestación:{ $id }. Para enterarte de los cambios, permite mensajes directos de los miembros de este servidor.
by-server = { $server }: { $rallies ->
        [one] { $rallies } manifestación
       *[other] { $rallies } manifestaciones
    }, { $going ->
        [one] { $going } va
       *[other] { $going } van
    }
by-server-this = Este servidor
