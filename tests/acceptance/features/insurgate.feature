Feature: Insurgate, the brokers' small-business quoting platform
  A broker's office opens an account in two steps, asks the company for access to the TPE
  tool with its Vivium producer number, and quotes once the company accepts. The
  administrator invites his collaborators and puts them in groups; members of a group see
  each other's quotes and nobody else's. The demo office "P&V Group Acceptance" is seeded.

  Background:
    Given the simulator is reset to the demo personas
    And the simulated clock is frozen at "2026-12-01 10:00"

  @IG-1 @vivium
  Scenario: Insurgate: An account refused for a short password and a bad enterprise number, then created (fr)
    When a new broker fills in the first step of an Insurgate account in "fr" with the password "abc"
    Then Insurgate refuses the field "password" saying "Au moins 6 caractères"
    When a new broker creates an Insurgate account in "fr" with the enterprise number "BE040317070"
    Then Insurgate refuses the field "enterprise" saying "sous la forme BE0123456789"
    When a new broker creates an Insurgate account in "fr" with the enterprise number "BE0123456789"
    Then the tool answers 200
    And the page has the element "no-integration"
    And Insurgate lets "nouveau@bureau-cazelles.be" in with the password "secret-6"

  @IG-1 @vivium
  Scenario: Insurgate: The Dutch pages refuse in Dutch, and a forgotten password is reset by a link (nl)
    When a new broker fills in the first step of an Insurgate account in "nl" with the password "abcde"
    Then Insurgate refuses the field "password" saying "Minstens 6 tekens"
    When a new broker creates an Insurgate account in "nl" with the enterprise number "0403170701"
    Then Insurgate refuses the field "enterprise" saying "Schrijf het ondernemingsnummer als BE0123456789"
    When "7964@pv.be" asks Insurgate for a new password in "nl"
    And "7964@pv.be" sets the password "nieuw-wachtwoord" with the link Insurgate emailed
    Then Insurgate lets "7964@pv.be" in with the password "nieuw-wachtwoord"
    And Insurgate refuses "7964@pv.be" with the password "insurgate-demo"

  @IG-2 @IG-3 @IG-6 @vivium
  Scenario: Insurgate: No quote before the company accepts the integration, then the TPE tool quotes
    When a new broker creates an Insurgate account in "fr" with the enterprise number "BE0403170701"
    And the Insurgate user asks for an integration of the producer number "123456"
    And the Insurgate user opens "requests/new"
    Then the tool answers 409
    And the page shows "Votre intégration n'est pas encore acceptée"
    When the company accepts the integration of the producer number "123456"
    Then the outbox holds an email "insurgate_integration_decided_email" to "nouveau@bureau-cazelles.be" saying "elle est acceptée"
    When the Insurgate user quotes for "Boulangerie Dupuis" in the TPE tool
    Then the page shows "1 215,00 €"
    When the Insurgate user opens "account"
    Then the page shows "Administrateur"
    And the page has the element "invite-link"

  @IG-3 @IG-4 @vivium
  Scenario: Insurgate: Only an administrator invites; the invitee is Invited, then Active once his password is set
    When the Insurgate user "7964@pv.be" logs in in "fr"
    And the Insurgate user opens "account/invite"
    Then the tool answers 403
    When the Insurgate user opens "account"
    Then the page has no element "invite-link"
    When the Insurgate user "clementine.cazelles@pvgroup.be" logs in in "nl"
    And the Insurgate user invites "66799@vivium.be" into the group "DEMO VIVIUM"
    Then Insurgate refuses the field "email" saying "heeft al een toegang tot Insurgate"
    When the Insurgate user invites "jan@bureau-cazelles.be" into the group "DEMO VIVIUM"
    Then the Insurgate users list shows "jan@bureau-cazelles.be" as "invited"
    And the page shows "Uitgenodigd"
    When "jan@bureau-cazelles.be" sets the password "wachtwoord-jan" with the link Insurgate emailed
    And the Insurgate user "clementine.cazelles@pvgroup.be" logs in in "nl"
    Then the Insurgate users list shows "jan@bureau-cazelles.be" as "active"

  @IG-5 @IG-6 @vivium
  Scenario: Insurgate: A colleague of the same group sees the quote; one of another group gets a 404
    When the Insurgate user "7964@pv.be" logs in in "fr"
    And the Insurgate user quotes for "Boulangerie Dupuis" in the TPE tool
    And the Insurgate user "66799@vivium.be" logs in in "nl"
    Then searching the Insurgate requests for "dupuis 1210" lists that quote
    And searching the Insurgate requests for "dupuis 4000" lists nothing
    When the Insurgate user opens that quote
    Then the tool answers 200
    And the page shows "Winkel"
    When the Insurgate user "66802@vivium.be" logs in in "fr"
    And the Insurgate user opens that quote
    Then the tool answers 404

  @IG-5 @vivium
  Scenario: Insurgate: A user without a group works in the sub-account Default
    When the Insurgate user "66803@vivium.be" logs in in "nl"
    And the Insurgate user opens "requests"
    Then the page has the element "no-quotes"
    And the page shows "Default"

  @IG-7 @vivium
  Scenario: Insurgate: The profile and the password change; questions go to the chat, then by email (nl)
    When the Insurgate user "66799@vivium.be" logs in in "nl"
    And the Insurgate user changes the password "verkeerd-wachtwoord" to "nieuw-wachtwoord"
    Then Insurgate refuses the field "w-old" saying "Het oude wachtwoord klopt niet"
    When the Insurgate user changes the password "insurgate-demo" to "nieuw-wachtwoord"
    Then the page shows "Uw wachtwoord is gewijzigd"
    When the Insurgate user changes the name to "Bart" "Peeters" and the language to "fr"
    Then the page shows "Bart PEETERS"
    And the page shows "Nouveau mot de passe"
    And Insurgate lets "66799@vivium.be" in with the password "nieuw-wachtwoord"
    When the Insurgate user opens "questions"
    Then the page shows "chat"
    And the page shows "clementine.cazelles@pvgroup.be"
