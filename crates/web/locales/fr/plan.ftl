# Pages de vue d'ensemble et d'approbation d'un plan.
plan-facts = À propos du plan
plan-fact-status = Statut
plan-fact-code = Code
plan-fact-kind = Type
plan-kind-rto_transition = Transition d'un RTO
plan-kind-generic = Programme ou projet
plan-fact-start = Début
plan-fact-end = Fin
plan-fact-quarters = Trimestres
plan-fact-currency = Monnaie de rapport
plan-fact-report-due = Rapports attendus
plan-n-days-after-quarter = { $n ->
    [one] un jour après chaque trimestre
   *[other] { $count } jours après chaque trimestre
}
plan-fact-template = Modèle
plan-endorsement = Approbation
plan-endorsed = Approuvé
plan-endorsed-version = Toutes les parties ont approuvé la version { $version } du cadre.
plan-changes-awaiting = Modifications en attente d'approbation
plan-changes-awaiting-detail = Le cadre a changé depuis l'approbation du plan : chaque partie doit approuver la version { $version }. Le statut reste inchangé entre-temps.
plan-not-endorsed = Non approuvé
plan-not-endorsed-detail = Chaque partie doit approuver la version { $version } du cadre.
plan-flag = Attention
plan-start-passed-unendorsed = La date de début est passée et le plan n'est pas approuvé : il reste à l'état de brouillon jusqu'à ce que toutes les parties l'approuvent.
plan-awaiting = Approbation encore attendue de :
plan-endorsement-link = Approbation, statut et historique des signatures
plan-parties = Parties
plan-party = Partie
plan-role = Rôle
plan-region = Région
plan-endorsed-of-version = Approbation de la version { $version }
plan-awaited = En attente
plan-signed = Approuvé
plan-signed-by = par { $name } le { $date }
plan-role-owner = Autorité locale (propriétaire)
plan-role-partner = Partenaire de développement (copropriétaire)
plan-milestones = Jalons
plan-milestone = Jalon
plan-activities-completed = Activités achevées
plan-progress = Avancement
plan-n-of-m = { $n } sur { $m }
plan-milestone-progress = Avancement du jalon { $number }
plan-status-count = { $status } : { $count }
plan-progress-not_started = Non commencée
plan-progress-started = Commencée
plan-progress-advanced = Avancée
plan-progress-completed = Achevée
plan-quality = Qualité du cadre de résultats
plan-quality-intro = Contrôles de la gestion axée sur les résultats : chaque résultat doit être mesuré, chaque indicateur doit dire d'où il part, où il doit arriver, d'où viennent ses données et qui en rend compte, et chaque activité doit avoir un pilote.
plan-quality-none = Aucun problème : chaque effet et chaque produit a ses indicateurs, chaque indicateur a une valeur de référence, une cible, une source de données et un responsable, chaque activité a un pilote et aucun rapport n'est en retard.
plan-to-check = À vérifier
plan-check-outcome-without-indicator = { $n ->
    [one] Un effet n'a pas d'indicateur
   *[other] { $count } effets n'ont pas d'indicateur
}
plan-check-outcome-without-indicator-why = Sans indicateur, personne ne saura si le changement visé par le plan s'est produit.
plan-check-output-without-indicator = { $n ->
    [one] Un produit n'a pas d'indicateur
   *[other] { $count } produits n'ont pas d'indicateur
}
plan-check-output-without-indicator-why = On ne peut pas rendre compte d'un produit sans indicateur.
plan-check-counter-of-numbers = { $n ->
    [one] Tous les indicateurs comptent des produits
   *[other] Tous les indicateurs comptent des produits
}
plan-check-counter-of-numbers-why = Le plan ne compte que ce qui est livré (réunions, formations…), un « compteur de chiffres » : ajoutez des indicateurs d'effets qui montrent ce qui change pour l'autorité locale.
plan-check-no-baseline = { $n ->
    [one] Un indicateur n'a pas de valeur de référence
   *[other] { $count } indicateurs n'ont pas de valeur de référence
}
plan-check-no-baseline-why = Sans valeur de référence, on ne peut pas mesurer le progrès depuis le point de départ du plan.
plan-check-no-target = { $n ->
    [one] Un indicateur n'a pas de cible
   *[other] { $count } indicateurs n'ont pas de cible
}
plan-check-no-target-why = Sans cible, personne ne peut dire si une valeur réalisée est une bonne nouvelle.
plan-check-no-data-source = { $n ->
    [one] Un indicateur n'a pas de source de données
   *[other] { $count } indicateurs n'ont pas de source de données
}
plan-check-no-data-source-why = Indiquez d'où viendra chaque valeur, pour qu'elle puisse être vérifiée.
plan-check-no-responsible = { $n ->
    [one] Un indicateur n'a personne chargé d'en rendre compte
   *[other] { $count } indicateurs n'ont personne chargé d'en rendre compte
}
plan-check-no-responsible-why = Un indicateur dont personne n'est responsable est rarement renseigné.
plan-check-activity-without-lead = { $n ->
    [one] Une activité a un trimestre sans pilote
   *[other] { $count } activités ont un trimestre sans pilote
}
plan-check-activity-without-lead-why = Chaque trimestre du calendrier d'une activité doit avoir un pilote : l'autorité locale, un partenaire, ou les deux conjointement.
plan-check-actuals-overdue = { $n ->
    [one] Un rapport trimestriel est en retard
   *[other] { $count } rapports trimestriels sont en retard
}
plan-check-actuals-overdue-why = Les valeurs réalisées de ces parties pour le trimestre ont dépassé leur date limite.
plan-activity-n = Activité { $number }
plan-leads = Qui pilote quoi en ce moment
plan-leads-not-started = Le plan n'a pas encore commencé. Son premier trimestre :
plan-leads-ended = Le calendrier du plan est terminé.
plan-leads-quarter = { $quarter } : du { $start } au { $end }
plan-lead-local-authority = Autorité locale
plan-lead-joint = Conjointement
plan-lead-partner = Partenaire de développement
plan-lead-none = Personne
plan-leads-none = Aucune activité n'est prévue ce trimestre.
plan-activity = Activité
plan-lead = Pilote
plan-quarters = Calendrier
plan-n-quarters = { $n ->
    [one] Un trimestre
   *[other] { $count } trimestres
}
plan-quarter = Trimestre
plan-from = Du
plan-to = Au
plan-report-due = Rapport attendu le
plan-current-quarter = en cours
plan-when = { $date }, { $time } UTC
plan-endorsement-title = Approbation et statut
plan-endorsement-intro = Un plan est approuvé lorsque chaque partie a validé la version actuelle de son cadre. Une modification substantielle du cadre, du calendrier ou du budget crée une nouvelle version et appelle une nouvelle approbation.
plan-version-heading = Version { $version } du cadre
plan-endorse-explain = Vous agissez pour { $party } : approuver enregistre que { $party } valide la version { $version } du cadre de résultats tel qu'il est maintenant.
plan-endorse-button = Approuver la version { $version }
plan-signed-already = { $party } a approuvé la version actuelle.
plan-endorse-needs-editor = Approuver un plan demande un rôle d'éditeur ou d'administrateur de l'une de ses parties.
plan-status = Statut du plan
plan-step-current = actuel
plan-step-done = franchi
plan-move-explain = La situation du plan lui permet de passer au statut « { $status } ». Un statut ne revient jamais en arrière.
plan-move-button = Passer au statut « { $status } »
plan-move-due = Le plan peut maintenant passer au statut « { $status } » ; un éditeur ou un administrateur d'une partie peut l'enregistrer.
plan-next = Prochain statut : { $status },
plan-next-endorsed = lorsque toutes les parties auront approuvé la version actuelle du cadre.
plan-next-in-progress = dès que le plan est approuvé et que sa date de début ({ $start }) est atteinte.
plan-next-handing-over = dès que la revue de passation (activité 25) a commencé.
plan-next-handed-over = dès que chaque élément du calendrier de passation est confirmé par les deux parties.
plan-next-closed = après la passation ; la clôture d'un plan n'est pas encore disponible.
plan-last-status = Le plan est clôturé : son statut ne peut plus changer.
plan-endorsement-history = Historique des approbations
plan-no-endorsement = Aucune partie n'a encore approuvé le plan.
plan-signed-at = Date
plan-signed-by-col = Signé par
plan-framework-version = Version du cadre
plan-version-current = actuelle
plan-version-superseded = remplacée
plan-back-to-overview = Retour à la vue d'ensemble du plan
plan-bad-version = la version du cadre manque ; rechargez la page et recommencez
plan-bad-status = statut inconnu ; rechargez la page et recommencez
