Feature: Registration refusals and the way to support
  Registration fails when the customer exists several times in the back office, when the
  data do not match, or when the customer is not found: each refusal says why, gives the
  contact centre, and lets the customer (or the intermediary) send support a screenshot
  and the email to use (RG-5). One email address, one account (RG-7).

  Background:
    Given the simulator is reset to the demo personas
    And the simulated clock is frozen at "2026-11-23 09:00"

  @RG-5 @faq-2.3 @pv
  Scenario Outline: MyP&V refuses step 1 of a personal-data registration, says why and posts nothing
    When <who> asks for an activation letter in MyP&V with the contract "<contract>" and the birth date "<birth>"
    Then <who> sees the refusal "<code>"
    And the refusal says "<title>"
    And the contact centre shown is "mypv@pv.be" at "02 250 87 09"
    And the page has the element "report-form"
    And the outbox holds no letter for <who>

    Examples:
      | who         | contract     | birth      | code               | title                        |
      | Louise      | 0000000      | 1985-03-12 | contract_not_found | Onbekend contractnummer      |
      | Louise      | 5436548      | 1985-03-13 | data_mismatch      | De gegevens stemmen niet overeen |
      | Thomas      | 111000200001 | 1995-12-18 | contract_ended     | Dit contract is beëindigd    |
      | Jean-Pierre | 111000171363 | 1963-11-28 | data_mismatch      | Les données ne correspondent pas |

  @RG-5 @faq-2.3 @vivium
  Scenario Outline: MyVivium refuses step 1 of a personal-data registration, says why and posts nothing
    When <who> asks for an activation letter in MyVivium with the contract "<contract>" and the birth date "<birth>"
    Then <who> sees the refusal "<code>"
    And the refusal says "<title>"
    And the contact centre shown is "myvivium@vivium.be" at "02 406 87 08"
    And the page has the element "report-form"
    And the outbox holds no letter for <who>

    Examples:
      | who      | contract   | birth      | code               | title                                 |
      | Marc     | 4011009999 | 1972-09-10 | contract_not_found | Numéro de contrat inconnu             |
      | Marc     | 4011002345 | 1972-10-09 | data_mismatch      | Les données ne correspondent pas      |
      | Luc      | 4031000999 | 1958-04-01 | contract_ended     | Dit contract is beëindigd             |
      | Nathalie | 4011005500 | 1981-02-22 | person_duplicated  | Vous êtes enregistré plusieurs fois |

  @RG-5 @faq-2.3 @pv
  Scenario: MyP&V finds nobody, or nobody with an active contract, behind an itsme or eID identity
    When a stranger logs in to MyP&V with itsme
    Then the stranger sees the refusal "person_not_found"
    And the page has the element "report-form"
    When Thomas inserts the eID card in the reader of MyP&V and types the PIN "1234"
    Then Thomas sees the refusal "no_active_contract"
    And the refusal says "Geen actief contract"
    And Thomas is not logged in to MyP&V

  @RG-5 @faq-2.3 @vivium
  Scenario: MyVivium finds nobody, or the same person twice, behind an eID or itsme identity
    When a stranger inserts the eID card in the reader of MyVivium and types the PIN "1234"
    Then the stranger sees the refusal "person_not_found"
    And the refusal says "Nous ne vous retrouvons pas"
    When Nathalie logs in to MyVivium with itsme
    Then Nathalie sees the refusal "person_duplicated"
    And the page has the element "report-form"

  @RG-5 @faq-2.3 @vivium
  Scenario: Nathalie, recorded twice, reports the refusal; support merges her records and she registers
    When Nathalie asks for an activation letter in MyVivium with the contract "4011005500"
    Then Nathalie sees the refusal "person_duplicated"
    When she reports the problem to support with the email "nathalie@example.be" and a screenshot
    Then the page shows "Merci, votre signalement a été envoyé"
    And the support desk of MyVivium has an open request "registration_problem" from "nathalie@example.be"
    And the request reached the mailbox "myvivium@vivium.be"
    And the request shows the error "person_duplicated" and the screenshot
    When support opens the request in the console
    Then the page has the element "request-screenshot"
    When support merges the duplicate records of Nathalie
    Then the request is "solved"
    And the outbox holds an email "registration_solved_email" to "nathalie@example.be" saying "vous pouvez maintenant créer votre compte MyVivium"
    When Nathalie asks for an activation letter in MyVivium with the contract "4011005500"
    Then the page has the element "letter-sent"
    When she receives the activation letter
    And she activates the account in MyVivium with the code of the letter and the email "nathalie@example.be"
    And she enters the code received by SMS
    Then the page shows "Bienvenue, Nathalie"
    And the overview shows exactly the contracts "4011005500, 4021005501"

  @RG-5 @faq-2.3 @pv
  Scenario: Jean-Pierre reports a data mismatch to the MyP&V mailbox and support answers him
    When Jean-Pierre asks for an activation letter in MyP&V with the contract "111000171364" and the birth date "1963-11-26"
    Then Jean-Pierre sees the refusal "data_mismatch"
    When he reports the problem to support with the email "jp@example.be" and a screenshot
    Then the support desk of MyP&V has an open request "registration_problem" from "jp@example.be"
    And the request reached the mailbox "mypv@pv.be"
    And the request shows the error "data_mismatch" and the screenshot
    When support answers the request with "Votre date de naissance est le 27/11/1963."
    Then the request is "answered"
    And the outbox holds an email "support_answer" to "jp@example.be" saying "Votre date de naissance est le 27/11/1963."
    And the outbox holds an email "support_answer" to "jp@example.be" saying "mypv@pv.be - 02 250 87 09"

  @RG-1 @RG-7 @faq-2.5 @pv
  Scenario: A MyP&V customer already registered is told to log in
    Given Louise has registered in MyP&V with eID
    When Louise logs out of MyP&V
    And she asks for an activation letter in MyP&V with the contract "3654654"
    Then Louise sees the refusal "already_registered"
    And the refusal says "U hebt al een account"
    And the page has no element "report-form"

  @RG-7 @faq-2.5 @pv
  Scenario: An email already used by another MyP&V account is refused
    Given Louise has registered in MyP&V with personal data as "family@example.be"
    When Jean-Pierre asks for an activation letter in MyP&V with the contract "111000171363"
    And he receives the activation letter
    And he activates the account in MyP&V with the code of the letter and the email "FAMILY@example.be "
    Then Jean-Pierre sees the refusal "email_already_used"
    And the refusal says "Cette adresse e-mail est déjà utilisée"
    And the contact centre shown is "mypv@pv.be" at "02 250 87 09"
    When he activates the account in MyP&V with the code of the letter and the email "jp@example.be"
    Then he receives an SMS on the mobile number

  @RG-7 @faq-2.5 @vivium
  Scenario: An email already used by another MyVivium account is refused, with itsme as with personal data
    Given Marc has registered in MyVivium with eID as "dubois-martens@example.be"
    When Luc logs in to MyVivium with itsme
    And he creates the account with the email "dubois-martens@example.be" and accepts digital documents
    Then the element "account-email-error" says "Dit e-mailadres is al in gebruik"
    And Luc is not logged in to MyVivium
    When Luc asks for an activation letter in MyVivium with the contract "4041000077"
    And he receives the activation letter
    And he activates the account in MyVivium with the code of the letter and the email "dubois-martens@example.be"
    Then Luc sees the refusal "email_already_used"

  @RG-7 @faq-2.5 @pv
  Scenario: A new email in "Mijn gegevens" already used by another MyP&V account is refused
    Given Emma has registered in MyP&V with eID as "emma.claes@example.be"
    And Louise has registered in MyP&V with eID
    When Louise changes the email in MyP&V to "EMMA.CLAES@example.be"
    Then Louise sees the refusal "email_already_used"
    And the element "current-email" says "louise@example.be"
