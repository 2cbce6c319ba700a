Feature: Login with email, password and an SMS code
  Email and password accounts use multi-factor authentication: the postal activation code
  at registration, then an SMS code at every login (RG-2). A code is valid 10 minutes,
  once; five wrong codes block the attempt; a new code replaces the previous one.

  Background:
    Given the simulator is reset to the demo personas
    And the simulated clock is frozen at "2026-11-23 09:00"

  @RG-2 @faq-5.1 @pv
  Scenario: Louise logs in to MyP&V with her password and the code received by SMS
    Given Louise has registered in MyP&V with personal data
    When Louise logs out of MyP&V
    And she logs in to MyP&V with the email and the password
    Then the page shows "Vul de code in die u per sms ontving"
    And she receives an SMS on the mobile number
    And Louise is not logged in to MyP&V
    When she logs in to MyP&V with the email and the password
    And she enters the code received by SMS
    Then the page shows "Welkom, Louise"

  @RG-2 @faq-5.1 @vivium
  Scenario: Marc logs in to MyVivium with his password and the code received by SMS
    Given Marc has registered in MyVivium with personal data
    When Marc logs out of MyVivium
    And he logs in to MyVivium with the email "MARC@example.be" and the password "correct horse battery"
    And he enters the code received by SMS
    Then the page shows "Bienvenue, Marc"

  @RG-2 @faq-5.1 @pv
  Scenario: An unknown email and a wrong password get the same refusal in MyP&V
    Given Emma has registered in MyP&V with personal data
    When Emma logs out of MyP&V
    And she logs in to MyP&V with the email "nobody@example.be" and the password "correct horse battery"
    Then Emma sees the refusal "invalid_credentials"
    And the refusal says "Het e-mailadres of het wachtwoord is niet juist."
    When she logs in to MyP&V with the email "emma@example.be" and the password "wrong password!!"
    Then Emma sees the refusal "invalid_credentials"
    And the outbox holds no "login_sms" message

  @RG-2 @faq-5.1 @vivium
  Scenario: A wrong password is refused by MyVivium without sending any SMS
    Given Luc has registered in MyVivium with personal data
    When Luc logs out of MyVivium
    And he logs in to MyVivium with the email "luc@example.be" and the password "not my password"
    Then Luc sees the refusal "invalid_credentials"
    And the outbox holds no "login_sms" message

  @RG-2 @faq-5.1 @pv
  Scenario: A MyP&V SMS code expires after 10 minutes
    Given Louise has registered in MyP&V with personal data
    When Louise logs out of MyP&V
    And she logs in to MyP&V with the email and the password
    And 10 minutes pass
    And she enters the code received by SMS
    Then Louise sees the refusal "sms_code_expired"
    And the refusal says "Uw sms-code is verlopen"

  @RG-2 @faq-5.1 @vivium
  Scenario: A MyVivium SMS code still works after 9 minutes, not after 10
    Given Marc has registered in MyVivium with personal data
    When Marc logs out of MyVivium
    And he logs in to MyVivium with the email and the password
    And 10 minutes pass
    And he enters the code received by SMS
    Then Marc sees the refusal "sms_code_expired"
    When he logs in to MyVivium with the email and the password
    And 9 minutes pass
    And he enters the code received by SMS
    Then the page shows "Bienvenue, Marc"

  @RG-2 @faq-5.1 @pv
  Scenario: Five wrong SMS codes block the MyP&V login attempt, even for the right code
    Given Louise has registered in MyP&V with personal data
    When Louise logs out of MyP&V
    And she logs in to MyP&V with the email and the password
    And she enters a wrong SMS code 4 times
    Then Louise sees the refusal "sms_code_wrong"
    When she enters a wrong SMS code once
    Then Louise sees the refusal "sms_code_blocked"
    When she enters the code received by SMS
    Then Louise sees the refusal "sms_code_blocked"
    And Louise is not logged in to MyP&V

  @RG-2 @faq-5.1 @vivium
  Scenario: Five wrong SMS codes block the MyVivium registration before the account exists
    When Sofie asks for an activation letter in MyVivium with the contract "4011009002"
    And she receives the activation letter
    And she activates the account in MyVivium with the code of the letter
    And she enters a wrong SMS code 5 times
    Then Sofie sees the refusal "sms_code_blocked"
    And the refusal says "Te veel foute codes"
    When she enters the code received by SMS
    Then Sofie sees the refusal "sms_code_blocked"
    And Sofie is not logged in to MyVivium

  # The code form of the page shown after a resend posts to /login/sms, not to the
  # resend URL (a bug this scenario found).
  @RG-2 @faq-5.1 @pv
  Scenario: A new SMS code comes after a minute and replaces the previous one
    Given Jean-Pierre has registered in MyP&V with personal data
    When Jean-Pierre logs out of MyP&V
    And he logs in to MyP&V with the email and the password
    And he asks for a new SMS code
    Then Jean-Pierre sees the refusal "sms_resend_too_soon"
    When 1 minute passes
    And he asks for a new SMS code
    Then the page has the element "sms-resent"
    When he enters the code received by SMS
    Then the page shows "Bienvenue, Jean-Pierre"

  @RG-2 @faq-5.1 @vivium
  Scenario: MyVivium sends at most three SMS codes for one login attempt, a minute apart
    Given Marc has registered in MyVivium with personal data
    When Marc logs out of MyVivium
    And he logs in to MyVivium with the email and the password
    And he asks for a new SMS code
    Then Marc sees the refusal "sms_resend_too_soon"
    When 1 minute passes
    And he asks for a new SMS code
    Then the page has the element "sms-resent"
    When 1 minute passes
    And he asks for a new SMS code
    Then the page has the element "sms-resent"
    When 1 minute passes
    And he asks for a new SMS code
    Then Marc sees the refusal "sms_resend_limit"
    And the refusal says "Nous avons envoyé le nombre maximum de codes pour cette tentative."

  @RG-2 @faq-5.1 @pv
  Scenario: After logging out, the SMS page of an old attempt says to start again
    Given Emma has registered in MyP&V with personal data
    When Emma logs out of MyP&V
    And she opens the page "/login/sms" of MyP&V
    Then Emma sees the refusal "attempt_unknown"
    And the page has the element "sms-restart"
    And the page has no element "sms-form"
