# Finances : le budget, les lignes de coût, les versions, les dépenses, les réglages, les taux de change et la valeur réelle.
finance-colon = {" "}:
finance-page-title = { $page } — { $plan }
finance-sections = Rubriques du budget
finance-sub-budget = Budget
finance-sub-spending = Dépenses
finance-sub-versions = Versions
finance-sub-settings = Réglages financiers
finance-budget = Budget
finance-money = { $amount } { $currency }
finance-activity-numbered = { $number }. { $title }
finance-milestone-numbered = Étape { $number } : { $title }
finance-quarter-month = { $quarter } — { $month }
finance-quarter-quantity = { $quarter } : { $quantity }
finance-version-numbered = N° { $number } « { $name } »
finance-line-in = { $line } ({ $activity })
finance-line-choice = { $line } — { $currency }
finance-share-of = { $share } · { $amount }
finance-actions = Actions
finance-choose = Choisir…
finance-nothing = Rien.
finance-not-yet = Pas encore
finance-not-available = Non disponible
finance-field = Champ
finance-amount = Montant
finance-lines = Lignes
finance-number = N°
finance-year = Année
finance-quarter = Trimestre
finance-period = Période

# Le choix de la conversion
finance-show-in = Afficher les totaux en
finance-own-currency = Devise propre de chaque ligne
finance-rate-date = Date du taux
finance-at-quarter-start = Le premier jour de chaque trimestre
finance-at-date = Une date
finance-show = Afficher
finance-shown-own = Totaux dans la devise propre de chaque ligne ; rien n'est converti.
finance-shown-quarter-start = Converti en { $currency } au taux { $type } du premier jour de chaque trimestre.
finance-shown-on = Converti en { $currency } au taux { $type } du { $date }.
finance-bad-currency = « { $value } » n'est pas un code de devise : utilisez les trois lettres de l'ISO 4217, par ex. USD ou LBP. La devise du plan est affichée à la place.
finance-bad-date = « { $value } » n'est pas une date : écrivez-la AAAA-MM-JJ. Le premier jour de chaque trimestre est utilisé à la place.
finance-bad-amount = « { $value } » n'est pas un montant : écrivez un nombre, par ex. 3000000 ou 1507,5.
finance-missing-rates = Certains montants ne peuvent pas être convertis
finance-missing-rate = Aucun taux { $type } entre { $from } et { $to } au { $date } ou avant : ajoutez-en un (l'un ou l'autre sens convient).
finance-missing-own-shown = Les totaux dans la devise propre de chaque ligne sont affichés ; rien n'a été deviné.
finance-go-to-rates = Aller aux taux de change

# La page du budget
finance-download-workbook = Télécharger le classeur (XLSX)
finance-n-versions = { $n ->
    [0] Aucune version figée
    [one] { $count } version figée
   *[other] { $count } versions figées
}
finance-add-line = Ajouter une ligne de coût
finance-totals = Totaux
finance-grand-own = Budget entier, par devise
finance-grand-in = Budget entier en { $currency }
finance-in-currency = En { $currency }
finance-grand-total = Total
finance-by-milestone = Par étape
finance-by-activity = Par activité
finance-by-category = Par catégorie
finance-by-party = Par partie qui finance
finance-by-quarter = Par trimestre
finance-by-year = Par année
finance-by-line = Par ligne de coût
finance-cost-lines = Lignes de coût
finance-no-lines = Ce plan n'a pas encore de lignes de coût.
finance-imported-lines = { $n ->
    [one] { $count } ligne de coût importée.
   *[other] { $count } lignes de coût importées.
}
finance-sharing = Partage des coûts
finance-sharing-caption = Part de chaque partie dans le budget de chaque année (montants en { $currency })
finance-sharing-chart-title = Partage des coûts par année
finance-sharing-chart-desc = Chaque barre est le budget d'une année en { $currency } ; ses parties sont les parts financées par chaque partie.
finance-sharing-chart-caption = La part de chaque partie dans l'année, comme dans le tableau ci-dessous ; les parts diffèrent par leur motif comme par leur couleur.
finance-sharing-empty = Il n'y a encore rien à partager.
finance-sharing-needs-currency = Les lignes sont en plusieurs devises : choisissez une devise ci-dessus pour voir les parts.
finance-aoc = Accord de coopération
finance-aoc-activity = Signé lors de l'activité
finance-aoc-baseline = Budget de référence
finance-aoc-handover = Révision de la passation
finance-aoc-hint = Figer une version avec l'objet « Référence de l'accord » ou « Révision de la passation » l'enregistre ici.
finance-edit-aoc = Modifier l'accord de coopération
finance-import-lines = Importer des lignes de coût
finance-import-lines-hint = Un fichier CSV ou XLSX avec les colonnes Activity, Category, Description, Unit, Unit price, Currency, Funder, puis Q1, Q2… (une quantité par trimestre). Un fichier qui a le moindre problème n'importe rien.
finance-replace-lines = Remplacer les lignes de coût du plan (refusé tant que des dépenses y sont rattachées)
finance-import = Importer
finance-field-file = Fichier (CSV ou XLSX)

# Imports
finance-import-problems = Le fichier n'a pas été importé
finance-import-nothing = Rien n'a été importé. Corrigez ces problèmes dans le fichier et importez-le à nouveau.
finance-row = Ligne
finance-column = Colonne
finance-problem = Problème
finance-try-again = Revenir au formulaire
finance-file-missing = Choisissez un fichier à importer.
finance-file-kind = « { $name } » n'est ni un fichier CSV ni un fichier XLSX.
finance-file-too-large = Le fichier dépasse 10 Mio : découpez-le ou retirez ce qui n'est pas nécessaire.

# Formulaire de ligne de coût
finance-new-line = Nouvelle ligne de coût
finance-edit-line = Modifier une ligne de coût
finance-delete-line = Supprimer cette ligne de coût
finance-hint-language = Dans la langue de cette page ; les autres langues sont conservées.
finance-hint-other-language = Dans une autre langue :
finance-hint-number = Un nombre, avec une virgule ou un point pour les décimales, par ex. 1507,5.
finance-hint-currency = Trois lettres (ISO 4217) ; vide pour la devise du plan.
finance-hint-quantities = Combien d'unités chaque trimestre ; laissez les autres trimestres vides.
finance-field-form = Le formulaire
finance-field-activity = Activité
finance-problem-activity = Choisissez l'activité à laquelle le coût se rattache.
finance-field-category = Catégorie
finance-problem-category = Choisissez une catégorie.
finance-field-description = Description
finance-problem-description = Décrivez le coût dans au moins une langue.
finance-field-unit = Unité
finance-problem-unit = Choisissez une unité.
finance-field-unit-price = Prix unitaire
finance-problem-unit-price = Écrivez le prix unitaire comme un nombre positif ou nul, par ex. 1507,5.
finance-field-currency = Devise
finance-problem-currency = Écrivez une devise avec ses trois lettres (ISO 4217), par ex. USD ou LBP.
finance-field-funder = Financé par
finance-problem-funder = Choisissez l'une des parties du plan.
finance-field-quantities = Quantités par trimestre
finance-problem-quantities = Donnez une quantité positive ou nulle pour au moins un des trimestres du plan.
finance-problem-duplicate = Cela existe déjà : modifiez-le plutôt que de l'ajouter à nouveau.

# Catégories, unités, types de taux, objets
finance-category-logistics = Logistique
finance-category-external-expertise = Expertise externe
finance-category-in-house-expertise = Expertise interne
finance-unit-person-day = Jour-personne
finance-unit-person-month = Mois-personne
finance-unit-event = Événement
finance-unit-month = Mois
finance-unit-item = Article
finance-unit-trip = Déplacement
finance-unit-square-metre = Mètre carré
finance-unit-lump-sum = Forfait
finance-rate-type-official = officiel
finance-rate-type-platform = de la plateforme
finance-rate-type-parallel-market = du marché parallèle
finance-rate-type-donor-accounting = comptable du bailleur
finance-rate-type-un-operational = opérationnel des Nations unies
finance-purpose-aoc-baseline = Référence de l'accord (activité 7)
finance-purpose-handover-revision = Révision de la passation (activité 25)
finance-purpose-revision = Autre révision

# Versions et comparaison
finance-versions-explained = Une version figée garde les lignes de coût telles qu'elles étaient ; en comparer deux montre ce qui a changé et comment la part de chaque partie a évolué.
finance-no-versions = Aucune version n'a encore été figée.
finance-frozen-by = Figée par
finance-frozen-on = Figée le
finance-compare-with-current = Comparer avec le budget actuel
finance-compare-earlier = Antérieure
finance-compare-later = Ultérieure
finance-compare = Comparer
finance-current-budget = Le budget actuel
finance-freeze = Figer le budget actuel
finance-freeze-hint = Figer copie chaque ligne de coût telle qu'elle est maintenant sous un nom ; la copie ne change jamais.
finance-freeze-button = Figer
finance-field-name = Nom
finance-problem-name = Donnez à la version un nom qu'aucune autre version de ce plan n'utilise.
finance-field-purpose = Objet
finance-problem-purpose = Choisissez l'objet de la version.
finance-comparison = Comparaison de deux versions
finance-compare-counts = { $added } ajoutée(s), { $removed } supprimée(s), { $changed } modifiée(s), { $unchanged } inchangée(s).
finance-compare-parties = Totaux par partie qui finance
finance-before = Avant
finance-after = Après
finance-difference = Écart
finance-changed-lines = Lignes modifiées
finance-changed = modifié
finance-added-lines = Lignes ajoutées
finance-removed-lines = Lignes supprimées

# Dépenses
finance-planned-vs-actual = Prévu et réalisé
finance-spending-unavailable = Le prévu et le réalisé ne peuvent être comparés tant que les taux manquants ne sont pas ajoutés.
finance-planned = Prévu
finance-planned-to-date = Prévu à ce jour
finance-actual = Réalisé
finance-variance = Écart (réalisé − prévu)
finance-burn-rate = Rythme de dépense (réalisé ÷ prévu à ce jour)
finance-spent-share = Part du budget dépensée
finance-overspent = Dépassement
finance-n-overspent = { $n ->
    [one] { $count } ligne est en dépassement
   *[other] { $count } lignes sont en dépassement
}
finance-payments = Paiements
finance-evidence-link = Justificatif
finance-record-payment = Enregistrer un paiement
finance-record = Enregistrer
finance-hint-payment-currency = Trois lettres (ISO 4217) ; vide pour la devise de la ligne. Une autre devise est convertie au type de taux du plan à la date du paiement.
finance-hint-evidence = Un lien vers la facture ou l'ordre de paiement (facultatif).
finance-field-cost-line = Ligne de coût
finance-problem-cost-line = Choisissez la ligne de coût que le paiement concerne.
finance-field-date = Date
finance-problem-date = Écrivez la date AAAA-MM-JJ.
finance-field-amount = Montant
finance-problem-amount = Écrivez le montant comme un nombre supérieur à zéro, par ex. 1507,5.
finance-field-evidence = Justificatif
finance-problem-evidence = Donnez un lien vers le justificatif, ou laissez vide.

# Réglages
finance-default-rate-type = Type de taux par défaut
finance-default-rate-type-hint = Le type de taux des totaux du plan, sauf choix contraire, et celui auquel les paiements dans une autre devise sont convertis.
finance-field-rate-type = Type de taux
finance-problem-rate-type = Choisissez un type de taux.
finance-field-signed-on = Signé le
finance-problem-signed-on = Écrivez la date AAAA-MM-JJ, ou laissez vide.

# Taux de change
finance-rates = Taux de change
finance-rates-explained = Des taux datés par paire de devises et type de taux. Une conversion utilise le dernier taux de son type à sa date ou avant ; la paire inverse compte aussi, et aucun taux n'est déduit par une troisième devise.
finance-filter-currency = Devise
finance-all-types = Tous les types
finance-filter = Filtrer
finance-no-rates = Aucun taux.
finance-add-rate = Ajouter un taux
finance-add-rate-hint = Une unité de la devise de base vaut le taux dans la devise de cotation, par ex. 1 USD = 1507,5 LBP.
finance-field-base = Devise de base
finance-problem-base = Écrivez la devise de base avec ses trois lettres, par ex. USD.
finance-field-quote = Devise de cotation
finance-problem-quote = Écrivez la devise de cotation avec ses trois lettres, différente de la base, par ex. LBP.
finance-field-rate = Taux
finance-problem-rate = Écrivez le taux comme un nombre supérieur à zéro, par ex. 1507,5.
finance-field-source = Source
finance-problem-source = Indiquez d'où vient le chiffre, ou laissez vide.
finance-import-rates = Importer des taux
finance-import-rates-hint = Un fichier CSV ou XLSX avec les colonnes Base, Quote, Rate type, Date, Rate et Source. Un taux déjà présent pour la paire, le type et la date est remplacé ; un fichier qui a le moindre problème n'importe rien.
finance-rates-imported = Importé : { $added } ajouté(s), { $replaced } remplacé(s), { $unchanged } inchangé(s).

# Valeur réelle
finance-real-terms = Valeur réelle
finance-real-terms-explained = Un montant détenu dans une devise qui perd sa valeur, exprimé dans une devise stable au taux de chaque date : ce qu'il vaut réellement.
finance-stable-currency = Devise stable
finance-real-terms-over = Sur
finance-real-terms-years = Les années 2019 à 2023
finance-real-terms-chart = Valeur réelle d'un montant en { $currency }, en { $stable }
finance-real-terms-desc = { $amount } exprimé en { $stable } au taux { $type } de chaque date, face à sa valeur à la première date.
finance-real-terms-caption = La ligne plate est la valeur à la première date ; l'autre est la valeur réelle à chaque date.
finance-value-at-start = Valeur à la première date
finance-real-value = Valeur réelle
finance-nominal = Tel que détenu
finance-lost = Perdu depuis la première date
finance-erosion = A perdu { $share } de sa valeur entre la première et la dernière date.
