# Las respuestas con las palabras propias de la consola, donde la terminal dice más o menos que
# un mensaje de Discord (lo demás sale de replies.ftl). Texto plano: sin formato.

console-created-pending = La manifestación #{ $id } quedó enviada. Un moderador la revisará antes de publicarla.
console-remind-on = Te lo recordaré { $lead } antes de #{ $id } { $title }.
console-edited = La manifestación #{ $id } quedó actualizada.
console-announced-here = Anunciada en este canal:
console-announced-in = Anunciada en el canal { $channel }:
console-mine-organise = Manifestaciones que organizas
console-mine-organise-empty = No organizas ninguna próxima manifestación.
console-mine-answered = Tus respuestas
console-mine-answered-empty = No has respondido a ninguna próxima manifestación.
console-campaign-list = Próximas manifestaciones de «{ $campaign }»
console-campaign-list-empty = Todavía no hay próximas manifestaciones en la campaña «{ $campaign }».
console-near-title = Manifestaciones a menos de { $radius } { $unit } de { $origin } ({ $count }{ $more ->
        [yes] , las más cercanas
       *[no] {""}
    }):
console-near-title-campaign = Manifestaciones de «{ $campaign }» a menos de { $radius } { $unit } de { $origin } ({ $count }{ $more ->
        [yes] , las más cercanas
       *[no] {""}
    }):
console-from = (de { $server })
console-pending = [esperando aprobación]
console-rejected = [rechazada]
console-cancelled = [CANCELADA]
console-ends = Termina
console-organiser = Organiza
console-former-member = alguien que ya no es miembro
console-contact = Contacto
console-reason = Motivo
console-details = Detalles
console-counts = Respuestas: { $going ->
        [0] nadie va todavía
        [one] 1 va
       *[other] { $going } van
    }, { $interested ->
        [0] a nadie le interesa
        [one] a 1 le interesa
       *[other] a { $interested } les interesa
    }{ $mine ->
        [going] {" "}(tú: voy)
        [interested] {" "}(tú: me interesa)
       *[none] {""}
    }
