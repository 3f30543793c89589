# gantt pages : le calendrier du plan (diagramme de Gantt et son tableau).
gantt-title = Calendrier — { $plan }
gantt-heading = Calendrier
gantt-chart-title = Calendrier du plan
gantt-chart-region = Diagramme de Gantt du plan (défile horizontalement sur les petits écrans)
gantt-chart-description = Chaque activité du plan, regroupée sous son jalon, sur les trimestres du plan : les trimestres prévus sous forme de barre encadrée remplie du motif de l'état de l'activité, les trimestres où elle s'est réellement déroulée sous forme de barre foncée en dessous, et la date du jour sous forme de ligne pointillée. Le tableau ci-dessous donne les mêmes informations.
gantt-caption = La barre encadrée indique les trimestres prévus et son motif l'état (points : non commencée ; hachures obliques : commencée ; quadrillage : avancée ; plein : terminée). La barre foncée en dessous indique quand l'activité s'est réellement déroulée ; la ligne pointillée marque la date du jour.
gantt-today = Aujourd'hui, { $date }
gantt-today-in = Nous sommes le { $date }, au { $quarter } du plan.
gantt-today-before = Nous sommes le { $date } : le plan commence le { $start }.
gantt-today-after = Nous sommes le { $date } : le calendrier du plan s'est achevé le { $end }.
gantt-empty = Ce plan n'a encore ni jalon ni activité.
gantt-legend = Légende
gantt-legend-planned = Trimestres prévus
gantt-legend-actual = Trimestres réels
gantt-legend-today = Aujourd'hui
gantt-milestone = { $number }. { $title }
gantt-quarter-range = { $from }–{ $to }
gantt-actual-since = depuis le { $from }
gantt-actual-ended = terminée au { $to }
gantt-actual-none = pas encore
gantt-summary = Activité { $number }, { $title } : prévue { $planned } ; réalisée : { $actual } ; { $status }.
gantt-status-not_started = Non commencée
gantt-status-started = Commencée
gantt-status-advanced = Avancée
gantt-status-completed = Terminée
gantt-table-heading = Le calendrier sous forme de tableau
gantt-col-activity = Activité
gantt-col-planned = Prévu
gantt-col-actual = Réel
gantt-col-status = État
gantt-col-slippage = Glissement
gantt-on-time = aucun
gantt-late = { $n ->
    [one] { $count } trimestre de retard
   *[other] { $count } trimestres de retard
}
gantt-early = { $n ->
    [one] { $count } trimestre d'avance
   *[other] { $count } trimestres d'avance
}
