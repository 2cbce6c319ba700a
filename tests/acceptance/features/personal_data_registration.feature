Feature: Registration with personal data: a letter with an activation code, then an SMS
  The third way in (RG-1): a contract number and the date of birth, an activation code
  sent by post, then an email, a password and a mobile number confirmed by SMS (RG-2).
  No invitation email is needed (RG-4); creating the account means accepting digital
  documents (RG-3). A letter that never arrived or an expired code: ask for a new code on
  the registration page, else call the contact centre (RG-6).

  Background:
    Given the simulator is reset to the demo personas
    And the simulated clock is frozen at "2026-11-23 09:00"

  @RG-1 @RG-2 @RG-4 @faq-2.1 @faq-2.2 @pv
  Scenario: Louise registers in MyP&V with the letter's code and an SMS, without any invitation email
    Then the outbox holds no "invitation_email" message
    When Louise opens MyP&V
    Then the page has the element "way-itsme"
    And the page has the element "way-eid"
    And the page has the element "way-personal-data"
    When Louise asks for an activation letter in MyP&V with the contract "5436548"
    Then the page shows "Uw activeringsbrief is onderweg"
    And the outbox holds an activation letter for Louise to be delivered on "25/11/2026"
    And the activation letter for Louise is addressed to "Louise Peeters, Kerkstraat 12, 2000 Antwerpen"
    When Louise receives the activation letter
    And she activates the account in MyP&V with the code of the letter
    Then she receives an SMS on the mobile number
    When she enters the code received by SMS
    Then the page shows "Welkom, Louise"
    And the outbox holds an email "welcome_email" to "louise@example.be" saying "Uw MyP&V-account is aangemaakt"

  @RG-1 @RG-2 @RG-4 @faq-2.1 @faq-2.2 @vivium
  Scenario: Marc registers in MyVivium with the letter's code and an SMS, without any invitation email
    When Marc opens MyVivium
    Then the page shows "Connectez-vous, ou créez votre compte la première fois, de l'une de ces trois manières"
    When Marc asks for an activation letter in MyVivium with the contract "4011002345"
    Then the page shows "Votre lettre d'activation est en route"
    And the outbox holds an activation letter for Marc to be delivered on "25/11/2026"
    And the activation letter for Marc is addressed to "Marc Dubois, Rue des Carmes 8, 5000 Namur"
    When Marc receives the activation letter
    And he activates the account in MyVivium with the code of the letter
    And he enters the code received by SMS
    Then the page shows "Bienvenue, Marc"
    And the outbox holds an email "welcome_email" to "marc@example.be" saying "Votre compte MyVivium est créé"
    And the only messages in the outbox are "activation_letter, mobile_sms, welcome_email"

  @RG-3 @DC-3 @faq-1.1 @faq-4.3 @pv
  Scenario: Creating a MyP&V account means accepting digital documents
    When Emma opens MyP&V
    Then the element "digital-consent-info" says "aanvaardt u dat u uw documenten"
    Given Emma has registered in MyP&V with personal data
    When she opens the page "/documents" of MyP&V
    Then the element "document-delivery" has data-mode "digital"
    And the element "document-delivery" says "Toen u op 23/11/2026 uw account aanmaakte"
    And the outbox holds an email "welcome_email" to "emma@example.be" saying "digitaal in uw klantenzone"

  @RG-3 @faq-1.1 @vivium
  Scenario: MyVivium creates no account until the customer accepts digital documents
    When Marc inserts the eID card in the reader of MyVivium and types the PIN "1234"
    Then the page shows "Créez votre compte"
    When he creates the account with the email "marc@example.be" without accepting digital documents
    Then the element "digital-consent-error" says "Veuillez accepter pour continuer."
    And Marc is not logged in to MyVivium
    And the outbox holds no "welcome_email" message
    When Marc inserts the eID card in the reader of MyVivium and types the PIN "1234"
    And he creates the account with the email "marc@example.be" and accepts digital documents
    Then the page shows "Bienvenue, Marc"
    When he opens the page "/documents" of MyVivium
    Then the element "document-delivery" has data-mode "digital"

  @RG-6 @faq-2.4 @pv
  Scenario: The activation letter is lost in the post: Louise asks for a new code
    Given the fault "letter_lost" is switched on
    When Louise asks for an activation letter in MyP&V with the contract "5436548"
    And the post delivers every letter in transit
    Then the activation letter to Louise is lost in the post
    Given the fault "letter_lost" is switched off
    When 5 days pass
    And Louise opens the page "/register" of MyP&V
    And she follows the link "new-code-link"
    Then the page has the element "new-code-form"
    When she asks for a new activation code in MyP&V
    Then the page has the element "new-code-sent"
    When she receives the activation letter
    And she activates the account in MyP&V with the code of the letter
    And she enters the code received by SMS
    Then the page shows "Welkom, Louise"

  @RG-6 @faq-2.4 @vivium
  Scenario: The activation letter is lost in the post: Luc asks for a new code
    Given the fault "letter_lost" is switched on
    When Luc asks for an activation letter in MyVivium with the contract "4021003301"
    Then the page has the element "letter-sent"
    When the post delivers every letter in transit
    Then the activation letter to Luc is lost in the post
    Given the fault "letter_lost" is switched off
    When Luc asks for a new activation code in MyVivium
    And he receives the activation letter
    And he activates the account in MyVivium with the code of the letter
    And he enters the code received by SMS
    Then the page shows "Welkom, Luc"

  @RG-6 @faq-2.4 @pv
  Scenario: An activation code expires after 30 days and a new one can be asked from the refusal
    When Emma asks for an activation letter in MyP&V with the contract "6610203040"
    And she receives the activation letter
    And 30 days pass
    And she activates the account in MyP&V with the code of the letter
    Then Emma sees the refusal "activation_code_expired"
    And the refusal says "Uw activeringscode is verlopen"
    And the page has the element "support-box"
    When she follows the link "refusal-new-code"
    And she asks for a new activation code in MyP&V
    And she receives the activation letter
    And she activates the account in MyP&V with the code of the letter
    And she enters the code received by SMS
    Then the page shows "Welkom, Emma"

  @RG-6 @faq-2.4 @vivium
  Scenario: An activation code expires after 30 days in MyVivium too
    When Marc asks for an activation letter in MyVivium with the contract "4011002346"
    And he receives the activation letter
    And 29 days pass
    And he enters a wrong activation code once in MyVivium
    Then Marc sees the refusal "activation_code_wrong"
    When 1 day passes
    And he activates the account in MyVivium with the code of the letter
    Then Marc sees the refusal "activation_code_expired"
    And the refusal says "Votre code d'activation a expiré"
    And the contact centre shown is "myvivium@vivium.be" at "02 406 87 08"

  @RG-6 @faq-2.4 @vivium
  Scenario: Only the code of the latest letter works in MyVivium
    When Sofie asks for an activation letter in MyVivium with the contract "4011009001"
    And she receives the activation letter
    And she asks for a new activation code in MyVivium
    And she receives the activation letter
    And she activates the account in MyVivium with the code of the first letter
    Then Sofie sees the refusal "activation_code_replaced"
    And the refusal says "Deze code werd vervangen"
    When she activates the account in MyVivium with the code of the latest letter
    And she enters the code received by SMS
    Then the page shows "Welkom, Sofie"

  @RG-6 @faq-2.4 @pv
  Scenario: Only the code of the latest letter works in MyP&V
    When Jean-Pierre asks for an activation letter in MyP&V with the contract "111000171363"
    And he receives the activation letter
    And he asks for a new activation code in MyP&V
    And he receives the activation letter
    And he activates the account in MyP&V with the code of the first letter
    Then Jean-Pierre sees the refusal "activation_code_replaced"
    And the refusal says "Ce code a été remplacé"
    When he activates the account in MyP&V with the code of the latest letter
    Then he receives an SMS on the mobile number
    When he enters the code received by SMS
    And he logs out of MyP&V
    And he activates the account in MyP&V with the code of the latest letter
    Then Jean-Pierre sees the refusal "activation_code_used"
    And the refusal says "Ce code a déjà été utilisé"

  @RG-6 @faq-2.4 @pv
  Scenario: Five wrong activation codes block the code until a new letter is asked
    When Louise asks for an activation letter in MyP&V with the contract "5436548"
    And she receives the activation letter
    And she enters a wrong activation code 4 times in MyP&V
    Then Louise sees the refusal "activation_code_wrong"
    When she enters a wrong activation code once in MyP&V
    Then Louise sees the refusal "activation_code_blocked"
    When she activates the account in MyP&V with the code of the letter
    Then Louise sees the refusal "activation_code_blocked"
    And the page has the element "refusal-new-code"

  @RG-6 @faq-2.4 @vivium
  Scenario: Five wrong activation codes block the code in MyVivium
    When Luc asks for an activation letter in MyVivium with the contract "4021003302"
    And he receives the activation letter
    And he enters a wrong activation code 5 times in MyVivium
    Then Luc sees the refusal "activation_code_blocked"
    And the refusal says "Uw activeringscode is geblokkeerd"
    When he follows the link "refusal-new-code"
    And he asks for a new activation code in MyVivium
    And he receives the activation letter
    And he activates the account in MyVivium with the code of the letter
    Then he receives an SMS on the mobile number

  @RG-6 @faq-2.4 @vivium
  Scenario: Asking a new code tells a stranger nothing about which contracts exist
    When a stranger asks for a new activation code in MyVivium (fr) with the contract "4011002345"
    Then the page has the element "new-code-sent"
    And the outbox holds no "activation_letter" message
    When a stranger asks for a new activation code in MyVivium (fr) with the contract "9999999"
    Then the page has the element "new-code-sent"
    And the outbox holds no "activation_letter" message

  @RG-6 @faq-2.4 @pv
  Scenario: Asking a new code in MyP&V says the same whether or not the data match
    When a stranger asks for a new activation code in MyP&V with the contract "0000000"
    Then the page has the element "new-code-sent"
    When Louise asks for a new activation code in MyP&V with the contract "5436548"
    Then the page has the element "new-code-sent"
    And the outbox holds an activation letter for Louise to be delivered on "25/11/2026"

  @RG-1 @RG-2 @faq-2.1 @pv
  Scenario Outline: MyP&V refuses bad details at step 2 without using the activation code
    When Louise asks for an activation letter in MyP&V with the contract "5436548"
    And she receives the activation letter
    And she activates the account in MyP&V with the code of the letter and the <field> "<value>"
    Then Louise sees the refusal "<code>"
    And the refusal says "<title>"
    When she activates the account in MyP&V with the code of the letter
    Then she receives an SMS on the mobile number

    Examples:
      | field         | value          | code           | title                          |
      | email         | not-an-address | invalid_email  | Controleer uw e-mailadres      |
      | mobile number | 02 123 45 67   | invalid_mobile | Controleer uw gsm-nummer       |
      | password      | short          | weak_password  | Kies een langer wachtwoord     |

  @RG-1 @RG-2 @faq-2.1 @vivium
  Scenario Outline: MyVivium refuses bad details at step 2 without using the activation code
    When Marc asks for an activation letter in MyVivium with the contract "4011002345"
    And he receives the activation letter
    And he activates the account in MyVivium with the code of the letter and the <field> "<value>"
    Then Marc sees the refusal "<code>"
    When he activates the account in MyVivium with the code of the letter
    Then he receives an SMS on the mobile number

    Examples:
      | field         | value            | code           |
      | email         | marc@@example.be | invalid_email  |
      | mobile number | 0032 2 123 45 67 | invalid_mobile |
      | password      | 12345678901      | weak_password  |
