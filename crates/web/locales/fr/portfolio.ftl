portfolio-title = Plans
portfolio-due-heading = Rapports que votre organisation doit envoyer
portfolio-plan = Plan
portfolio-period = Trimestre
portfolio-due-date = Échéance
portfolio-report-state = État
portfolio-returned = Renvoyé
portfolio-overdue = En retard
portfolio-due = À rendre
portfolio-filters = Filtrer les plans
portfolio-search = Rechercher
portfolio-status = Statut
portfolio-region = Région
portfolio-reports = Rapports
portfolio-any = Tous
portfolio-with-due = Avec des rapports à rendre
portfolio-apply = Filtrer
portfolio-count = { $shown } plans sur { $total }
portfolio-empty = Aucun plan ne correspond. Effacez les filtres, ou créez un plan à partir d'un modèle.
portfolio-local-authority = Autorité locale
portfolio-partners = Partenaires
portfolio-current-milestone = Jalon en cours
portfolio-completed = Activités achevées
portfolio-reports-due = Rapports à rendre
portfolio-n-due = { $n ->
    [one] { $count } à rendre
   *[other] { $count } à rendre
}
portfolio-n-overdue = { $n ->
    [one] { $count } en retard
   *[other] { $count } en retard
}
