# Rapports trimestriels : l'onglet des rapports, le formulaire du rapport trimestriel et sa revue, la page d'un indicateur.
reporting-title = Rapports trimestriels
reporting-period-dates = du { $start } au { $end }
reporting-due-rule = { $n ->
    [one] Le rapport d'un trimestre est attendu { $count } jour après la fin du trimestre ; il est en retard au-delà.
   *[other] Le rapport d'un trimestre est attendu { $count } jours après la fin du trimestre ; il est en retard au-delà.
}
reporting-n-overdue = { $n ->
    [one] { $count } rapport en retard
   *[other] { $count } rapports en retard
}
reporting-n-to-review = { $n ->
    [one] { $count } rapport attend votre revue
   *[other] { $count } rapports attendent votre revue
}
reporting-period = Trimestre
reporting-organisation = Organisation qui rend compte
reporting-state = État
reporting-review-comment = Commentaire de la revue
reporting-next-step = À faire
reporting-due-on = À rendre le { $date }
reporting-not-begun = Pas encore commencé : rien à rendre.
reporting-yours = (votre organisation)
reporting-overdue = En retard
reporting-todo-enter = Saisir les réalisations
reporting-todo-correct = Corriger et soumettre à nouveau
reporting-todo-review = Examiner
reporting-status-draft = Brouillon
reporting-status-submitted = Soumis, en attente de revue
reporting-status-returned = Renvoyé avec un commentaire
reporting-status-approved = Approuvé
reporting-locked = Verrouillé
reporting-total = Total
reporting-all-reports = Tous les rapports de ce plan
reporting-report-heading = Rapport { $period } de
reporting-done-saved = Le brouillon est enregistré. Soumettez-le quand toutes les valeurs du trimestre sont saisies.
reporting-done-submitted = Le rapport est soumis : une autre partie du plan va l'examiner.
reporting-done-approved = Le rapport est approuvé et désormais verrouillé.
reporting-done-returned = Le rapport est renvoyé à son organisation avec votre commentaire.
reporting-problems-heading = Rien n'a été enregistré. Veuillez corriger :
reporting-due = Échéance
reporting-submitted = Soumis
reporting-reviewed = Examiné
reporting-by-on = par { $who } le { $date }
reporting-returned-because = Renvoyé par la personne chargée de la revue, qui a écrit :
reporting-reviewer-said = Commentaire de la revue :
reporting-not-begun-note = Ce trimestre n'a pas encore commencé ; vous pouvez préparer le rapport et l'envoyer une fois le trimestre terminé.
reporting-locked-note = Un rapport approuvé est verrouillé : ses valeurs ne peuvent plus être modifiées.
reporting-other-parties = Rapports des autres parties pour ce trimestre :
reporting-nothing-to-report = Aucun indicateur de ce plan n'est renseigné par cette organisation.
reporting-nothing-reported = Rien n'a encore été déclaré pour ce trimestre.
reporting-hint-form = Saisissez toutes les valeurs du trimestre dans ce seul formulaire. Laissez une valeur vide s'il n'y a encore rien à déclarer. « Enregistrer le brouillon » conserve votre travail ; « Soumettre » envoie le rapport en revue, après quoi il ne peut plus être modifié, sauf s'il vous est renvoyé.
reporting-hint-number = Nombres : virgule ou point pour les décimales, espaces acceptés entre les milliers, par exemple 1507,5 ou 1 507,5 (un pourcentage peut se terminer par %). Les mots tels que « N/A » sont refusés : laissez plutôt la valeur vide.
reporting-other-indicators = { $n ->
    [one] { $count } autre indicateur, d'activités non prévues ce trimestre
   *[other] { $count } autres indicateurs, d'activités non prévues ce trimestre
}
reporting-save-draft = Enregistrer le brouillon
reporting-submit = Soumettre pour revue
reporting-submit-hint = La soumission enregistre d'abord les valeurs ; rien n'est soumis si une valeur est erronée.
reporting-review-heading = Examiner ce rapport
reporting-review-hint = Approuvez le rapport pour le verrouiller, ou renvoyez-le à son organisation en indiquant ce qu'il faut corriger.
reporting-review-your-comment = Votre commentaire
reporting-review-comment-hint = (obligatoire pour renvoyer le rapport)
reporting-approve = Approuver
reporting-return = Renvoyer avec un commentaire
reporting-milestone-heading = Étape { $n }. { $title }
reporting-activity-heading = Activité { $n }. { $title }
reporting-plan-results = Résultats du plan dans son ensemble
reporting-result-line = { $level } : { $title }
reporting-level-output = Produit
reporting-level-outcome = Effet
reporting-level-impact = Impact
reporting-level-other = Résultat
reporting-measure-unit = un nombre ou un montant
reporting-measure-percentage = un pourcentage
reporting-measure-nominal = un nombre (nominal)
reporting-measure-ordinal = une note sur une échelle (ordinal)
reporting-measure-qualitative = un récit (qualitatif)
reporting-measure-line = Mesuré comme { $measure }, renseigné { $frequency }
reporting-unit = unité :
reporting-frequency-monthly = chaque mois
reporting-frequency-quarterly = chaque trimestre
reporting-frequency-semi-annual = chaque semestre
reporting-frequency-annual = chaque année
reporting-frequency-once = une seule fois
reporting-target-line = cible pour { $period } : { $value }
reporting-indicator-page = Page de l'indicateur
reporting-theirs = Déclaré par { $org } ({ $what }) : { $value }
reporting-add-breakdown = Ajouter une ventilation (désagrégation)
reporting-not-reported = Non déclaré.
reporting-evidence-link = Justificatif
reporting-breakdown = Ventilation
reporting-breakdown-hint = Sous la forme nom=valeur, par exemple sexe=femme ; plusieurs séparées par « ; », par exemple sexe=femme; âge=18-24.
reporting-value = Valeur
reporting-comment = Commentaire
reporting-evidence = Lien vers le justificatif
reporting-bad-form = Le formulaire n'a pas pu être lu. Rechargez la page et réessayez.
reporting-problem-where = { $code } { $statement }
reporting-problem-number = « { $value } » n'est pas un nombre. Cet indicateur est mesuré comme { $measure } : sa valeur est un nombre, par exemple 12 ou 1507,5. Laissez-la vide s'il n'y a rien à déclarer.
reporting-problem-needs-value = un commentaire ou un justificatif demande une valeur : saisissez la valeur, ou effacez le commentaire et le justificatif.
reporting-problem-cleared = une valeur enregistrée ne peut pas être vidée ici : saisissez de nouveau la valeur (ou sa correction).
reporting-problem-breakdown = écrivez la ventilation sous la forme nom=valeur, par exemple sexe=femme.
reporting-problem-breakdown-missing = indiquez la ventilation à laquelle correspond cette valeur, par exemple sexe=femme.
reporting-problem-evidence = un justificatif est un lien commençant par https:// (ou un fichier joint).
reporting-problem-no-indicator = Une valeur a été envoyée pour un indicateur que ce plan n'a plus. Rechargez la page.
reporting-problem-submit = Le rapport n'a pas pu être soumis : { $reason }
reporting-problem-return-comment = Indiquez ce qu'il faut corriger : un commentaire est obligatoire pour renvoyer un rapport.
reporting-problem-review = Le rapport n'a pas pu être examiné : { $reason }
reporting-chart-title = Cible et réalisation, indicateur { $code }
reporting-chart-desc = Cibles et réalisations (totaux) de « { $statement } » pour chaque trimestre, de { $first } à { $last }. Le tableau ci-dessous donne tous les chiffres.
reporting-target = Cible
reporting-actual = Réalisé
reporting-definition = Définition
reporting-baselines = Situations de référence
reporting-no-baseline = Pas encore de situation de référence.
reporting-date = Date
reporting-trend = Cible et réalisation
reporting-chart-empty = Pas encore de cible ni de réalisation : le graphique est vide.
reporting-chart-caption = Cibles : ligne en tirets avec des carrés vides. Réalisations : ligne continue avec des ronds pleins. Totaux : la valeur sans ventilation, sinon la somme des ventilations selon une seule dimension (par exemple par sexe) ; toutes les ventilations figurent dans le tableau.
reporting-chart-narrative = Un indicateur qualitatif n'a pas de graphique : ses déclarations figurent dans le tableau ci-dessous.
reporting-values-heading = Cibles et réalisations par trimestre
reporting-fact-measure = Mesure
reporting-fact-unit = Unité
reporting-fact-direction = Sens
reporting-fact-cumulation = Cumul
reporting-fact-frequency = Fréquence
reporting-fact-data-source = Source des données
reporting-fact-collection-method = Méthode de collecte
reporting-fact-responsible = Renseigné par
reporting-fact-proposed-by = Proposé par
reporting-fact-validated-by = Validé par
reporting-direction-up = Une hausse est favorable
reporting-direction-down = Une baisse est favorable
reporting-cumulation-cumulative = Cumulatif : les valeurs s'additionnent jusqu'à la cible
reporting-cumulation-non-cumulative = Chaque période se suffit à elle-même
