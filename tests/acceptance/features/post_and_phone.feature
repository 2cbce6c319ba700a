Feature: The post and the phone: a code is read, and works, only once it has arrived
  The outbox is the customer's letterbox and phone. A letter is in the letterbox from
  08:00, two business days after it was posted (weekends and Belgian public holidays do
  not count); until then it is sealed and its code is refused like a wrong one (RG-1,
  RG-6). A letter lost in the post and an SMS never delivered are never read, and their
  codes never work: the customer asks for a new code (RG-6) or a new SMS (RG-2).

  Background:
    Given the simulator is reset to the demo personas
    And the simulated clock is frozen at "2026-11-23 09:00"

  @RG-1 @RG-6 @faq-2.1 @faq-2.4 @pv
  Scenario: Louise's letter has not arrived yet: sealed and refused, then read from 08:00 on its day
    When Louise asks for an activation letter in MyP&V with the contract "5436548"
    Then the activation letter to Louise is in transit until "2026-11-25 08:00"
    And the next event is "letter_delivery" at "2026-11-25 08:00"
    When she activates the account in MyP&V with the code of the undelivered letter
    Then Louise sees the refusal "activation_code_wrong"
    When 1 day passes
    Then the activation letter to Louise is in transit until "2026-11-25 08:00"
    When the simulated clock moves to the next event
    Then the simulated time is "2026-11-25 08:00"
    When she finds the activation letter in the letterbox
    And she activates the account in MyP&V with the code of the letter
    And she enters the code received by SMS
    Then the page shows "Welkom, Louise"

  @RG-1 @RG-6 @faq-2.1 @faq-2.4 @vivium
  Scenario: Marc's letter posted at 09:57 is in the letterbox exactly two days later
    Given the simulated clock is frozen at "2026-11-23 09:57"
    When Marc asks for an activation letter in MyVivium with the contract "4011002345"
    Then the activation letter to Marc is in transit until "2026-11-25 08:00"
    When he activates the account in MyVivium with the code of the undelivered letter
    Then Marc sees the refusal "activation_code_wrong"
    When 2 days pass
    And he finds the activation letter in the letterbox
    And he activates the account in MyVivium with the code of the letter
    And he enters the code received by SMS
    Then the page shows "Bienvenue, Marc"

  @RG-6 @faq-2.4 @vivium
  Scenario: Luc's letter is lost, so is the next one while the fault lasts; the third arrives
    Given the fault "letter_lost" is switched on
    When Luc asks for an activation letter in MyVivium with the contract "4021003301"
    And 5 days pass
    Then the activation letter to Luc is lost in the post
    When he activates the account in MyVivium with the code of the undelivered letter
    Then Luc sees the refusal "activation_code_wrong"
    When he asks for a new activation code in MyVivium
    And the post delivers every letter in transit
    Then the activation letter to Luc is lost in the post
    Given the fault "letter_lost" is switched off
    When he asks for a new activation code in MyVivium
    Then the activation letter to Luc is in transit until "2026-12-01 08:00"
    When the simulated clock moves to the next event
    And he finds the activation letter in the letterbox
    And he activates the account in MyVivium with the code of the letter
    And he enters the code received by SMS
    Then the page shows "Welkom, Luc"

  @RG-6 @faq-2.4 @pv
  Scenario: Emma's letter is lost in the post; the new code's letter arrives and works
    Given the fault "letter_lost" is switched on
    When Emma asks for an activation letter in MyP&V with the contract "6610203040"
    And the post delivers every letter in transit
    Then the activation letter to Emma is lost in the post
    When she activates the account in MyP&V with the code of the undelivered letter
    Then Emma sees the refusal "activation_code_wrong"
    Given the fault "letter_lost" is switched off
    When she asks for a new activation code in MyP&V
    And she receives the activation letter
    And she activates the account in MyP&V with the code of the latest letter
    And she enters the code received by SMS
    Then the page shows "Welkom, Emma"

  @RG-2 @faq-5.1 @pv
  Scenario: Louise's login SMS never comes; its code is refused and a new SMS lets her in
    Given Louise has registered in MyP&V with personal data
    When Louise logs out of MyP&V
    Given the fault "sms_not_delivered" is switched on
    When she logs in to MyP&V with the email and the password
    Then the SMS to Louise is not delivered
    When she enters the code of the undelivered SMS
    Then Louise sees the refusal "sms_code_wrong"
    Given the fault "sms_not_delivered" is switched off
    When 1 minute passes
    And she asks for a new SMS code
    Then she receives an SMS on the mobile number
    When she enters the code received by SMS
    Then the page shows "Welkom, Louise"

  @RG-2 @faq-5.1 @vivium
  Scenario: Marc's registration SMS never comes; a new SMS confirms his mobile
    When Marc asks for an activation letter in MyVivium with the contract "4011002345"
    And he receives the activation letter
    Given the fault "sms_not_delivered" is switched on
    When he activates the account in MyVivium with the code of the letter
    Then the SMS to Marc is not delivered
    When he enters the code of the undelivered SMS
    Then Marc sees the refusal "sms_code_wrong"
    Given the fault "sms_not_delivered" is switched off
    When 1 minute passes
    And he asks for a new SMS code
    And he enters the code received by SMS
    Then the page shows "Bienvenue, Marc"

  @RG-1 @RG-6 @faq-2.1 @faq-2.4 @vivium
  Scenario: A letter posted on the Friday before Easter Monday arrives on Wednesday at 08:00
    Given the simulated clock is frozen at "2026-04-03 15:00"
    When Sofie asks for an activation letter in MyVivium with the contract "4011009001"
    Then the activation letter to Sofie is in transit until "2026-04-08 08:00"
    And the next event is "letter_delivery" at "2026-04-08 08:00"
    When 4 days pass
    Then the activation letter to Sofie is in transit until "2026-04-08 08:00"
    When the simulated clock moves to the next event
    And she finds the activation letter in the letterbox
    And she activates the account in MyVivium with the code of the letter
    Then she receives an SMS on the mobile number

  @RG-1 @RG-6 @faq-2.1 @faq-2.4 @pv
  Scenario: A letter posted on 31 December skips New Year's Day and the weekend
    Given the simulated clock is frozen at "2026-12-31 10:00"
    When Jean-Pierre asks for an activation letter in MyP&V with the contract "111000171363"
    Then the activation letter to Jean-Pierre is in transit until "2027-01-05 08:00"
    When 4 days pass
    Then the activation letter to Jean-Pierre is in transit until "2027-01-05 08:00"
    When 1 day passes
    And he finds the activation letter in the letterbox
    And he activates the account in MyP&V with the code of the letter
    Then he receives an SMS on the mobile number
