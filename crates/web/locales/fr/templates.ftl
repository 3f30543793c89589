# templates pages : les modèles, un modèle, et un nouveau plan à partir d'un modèle.
templates-title = Modèles
templates-intro = Un plan commence comme une copie d'un modèle : ses jalons, activités, produits, indicateurs, risques et calendrier. Modifier ensuite le plan ne modifie jamais le modèle.
templates-new-plan = Nouveau plan à partir d'un modèle
templates-empty = Il n'y a encore aucun modèle.
templates-col-name = Modèle
templates-col-code = Code
templates-col-kind = Type
templates-col-source = Origine
templates-col-milestones = Jalons
templates-col-activities = Activités
templates-col-actions = Actions
templates-builtin = Intégré
templates-own = De votre organisation
templates-use = Nouveau plan
templates-use-this = Nouveau plan à partir de ce modèle
templates-kind-rto_transition = Transition d'un RTO
templates-kind-generic = Programme ou projet
templates-quarters = Trimestres
templates-languages = Langues
templates-contents = Contenu
templates-n-milestones = { $n ->
    [one] { $count } jalon
   *[other] { $count } jalons
}
templates-n-activities = { $n ->
    [one] { $count } activité
   *[other] { $count } activités
}
templates-n-indicators = { $n ->
    [one] { $count } indicateur
   *[other] { $count } indicateurs
}
templates-n-risks = { $n ->
    [one] { $count } risque
   *[other] { $count } risques
}
templates-output-facts = { $indicators }, { $risks }
templates-needs = Besoins auxquels répondent les activités
templates-milestones = Jalons et activités
templates-no-milestones = Ce modèle n'a aucun jalon.
templates-col-activity = Activité
templates-col-lead = Pilotée par
templates-col-timeline = Calendrier indicatif
templates-col-outputs = Produits
templates-repeatable = répétable
templates-rationale = Justification
templates-quarter-range = { $from }–{ $to }
templates-lead-local_authority = L'autorité locale
templates-lead-partner = Le partenaire de développement
templates-lead-joint = Conjointement
templates-new-title = Nouveau plan à partir d'un modèle
templates-new-intro = Le plan est copié du modèle et son calendrier est établi à partir de la date de début. Il commence à l'état de brouillon, que les parties peuvent modifier avant de l'approuver.
templates-new-template = Modèle
templates-new-template-hint = Le cadre à partir duquel le plan est copié.
templates-new-name = Nom du plan
templates-new-name-hint = Dans la langue de cette page ; les autres langues pourront être ajoutées plus tard.
templates-new-code = Code
templates-new-code-hint = Un code court utilisé dans les adresses web du plan : de 2 à 40 lettres minuscules, chiffres et tirets. Formé à partir du nom s'il est laissé vide.
templates-new-local-authority = Autorité locale
templates-new-local-authority-hint = La municipalité ou l'union de municipalités propriétaire du plan.
templates-new-choose = Choisir…
templates-new-own-organisations = Vos organisations
templates-new-other-authorities = Autres autorités locales
templates-new-partners = Partenaires de développement
templates-new-partners-hint = Les partenaires copropriétaires du plan avec l'autorité locale.
templates-new-no-partners = L'annuaire ne compte encore aucun partenaire de développement.
templates-new-start = Début
templates-new-start-hint = Le premier jour d'un mois : le premier trimestre du plan commence ce jour-là.
templates-new-currency = Monnaie de rapport
templates-new-currency-hint = Les trois lettres d'une monnaie ISO 4217, par exemple USD, EUR ou LBP.
templates-new-submit = Créer le plan
templates-new-other = Le plan
templates-new-problem-template = Choisissez l'un des modèles.
templates-new-problem-code = Utilisez de 2 à 40 lettres minuscules, chiffres et tirets, en commençant par une lettre ou un chiffre.
templates-new-problem-code-taken = Un autre plan utilise déjà ce code : choisissez-en un autre.
templates-new-problem-name = Donnez un nom au plan.
templates-new-problem-local-authority = Choisissez une municipalité ou une union de municipalités dans l'annuaire.
templates-new-problem-party = Vous agissez pour { $organisation } : elle doit être l'autorité locale ou l'un des partenaires du plan.
templates-new-problem-partners = Choisissez chaque partenaire une seule fois, dans l'annuaire, et pas l'autorité locale elle-même.
templates-new-problem-start = Choisissez le premier jour d'un mois : un plan commence le 1er.
templates-new-problem-currency = Indiquez les trois lettres d'une monnaie ISO 4217, par exemple USD ou LBP.
templates-new-problem-other = Le plan n'a pas pu être créé à partir de ce modèle en l'état.
templates-org-type-municipality = Municipalité
templates-org-type-union_of_municipalities = Union de municipalités
templates-org-type-ministry = Ministère
templates-org-type-development_partner = Partenaire de développement
templates-org-type-private_company = Entreprise privée
templates-org-type-business_association = Association professionnelle
templates-org-type-ngo = Organisation non gouvernementale
templates-org-type-faith_based = Organisation confessionnelle
templates-org-type-community_based = Organisation communautaire
templates-org-type-workers_organisation = Organisation de travailleurs
templates-org-type-employers_organisation = Organisation d'employeurs
templates-org-type-development_bank = Banque de développement
templates-org-type-research_or_training = Établissement de recherche ou de formation
templates-org-type-other = Autre organisation
