sign-in-intro = Handover aide les autorités locales et leurs partenaires de développement à planifier, suivre et transmettre les institutions qu'ils bâtissent ensemble. Connectez-vous avec le compte que l'administrateur de votre organisation vous a donné.
email = Adresse électronique
password = Mot de passe
sign-in-wrong = L'adresse électronique ou le mot de passe est incorrect. Vérifiez les deux et recommencez.
sign-in-too-many = { $n ->
    [one] Trop de tentatives de connexion échouées. Réessayez dans { $count } minute.
   *[other] Trop de tentatives de connexion échouées. Réessayez dans { $count } minutes.
}
sign-in-disabled = Ce compte est désactivé. Demandez à un administrateur de votre organisation de le réactiver.
sign-in-no-organisation = Ce compte n'appartient encore à aucune organisation. Demandez à l'administrateur d'une organisation de vous ajouter.
sign-in-demo = Consulter les plans de démonstration sans se connecter
organisation-not-yours = Vous n'appartenez pas à cette organisation.
