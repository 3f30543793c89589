sign-in-intro = Handover helps local authorities and their development partners plan, follow and hand over the institutions they build together. Sign in with the account your organisation's administrator gave you.
email = E-mail address
password = Password
sign-in-wrong = The e-mail address or the password is wrong. Check both and try again.
sign-in-too-many = { $n ->
    [one] Too many failed sign-ins. Try again in { $count } minute.
   *[other] Too many failed sign-ins. Try again in { $count } minutes.
}
sign-in-disabled = This account is disabled. Ask an administrator of your organisation to enable it.
sign-in-no-organisation = This account belongs to no organisation yet. Ask an organisation's administrator to add you.
sign-in-demo = Look at the demo plans without signing in
organisation-not-yours = You do not belong to this organisation.
