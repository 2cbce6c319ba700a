Feature: itsme and the eID card reader
  Two of the three ways in (RG-1): itsme on the phone, or the Belgian identity card in a
  card reader (every simulated card has the PIN 1234). The first time, the customer
  chooses the account's email and accepts digital documents (RG-3); later logins go
  straight in. What goes wrong says so: itsme cancelled, timed out or unavailable, a
  wrong PIN, a blocked or expired card, no card reader.

  Background:
    Given the simulator is reset to the demo personas
    And the simulated clock is frozen at "2026-11-23 09:00"

  @RG-1 @RG-3 @faq-2.1 @vivium
  Scenario: Marc's first itsme login creates his MyVivium account; the next one goes straight in
    When Marc logs in to MyVivium with itsme
    Then the page shows "Créez votre compte"
    When he creates the account with the email "marc@example.be" and accepts digital documents
    Then the page shows "Bienvenue, Marc"
    When Marc logs out of MyVivium
    Then the page has the element "logged-out"
    When Marc logs in to MyVivium with itsme
    Then the page shows "Bienvenue, Marc"
    When he opens the itsme answer again
    Then Marc sees the refusal "itsme_failed"
    And the refusal says "Nous n'avons pas pu vérifier votre connexion itsme"

  @RG-1 @RG-3 @faq-2.1 @pv
  Scenario: Louise's first itsme login creates her MyP&V account; the next one goes straight in
    When Louise logs in to MyP&V with itsme
    Then the page shows "Maak uw account aan"
    When she creates the account with the email "louise@example.be" and accepts digital documents
    Then the page shows "Welkom, Louise"
    When Louise logs out of MyP&V
    And Louise logs in to MyP&V with itsme
    Then the page shows "Welkom, Louise"
    When she opens the itsme answer again
    Then Louise sees the refusal "itsme_failed"

  @RG-1 @faq-2.1 @pv
  Scenario: Cancelling on the phone, or letting the itsme request time out, logs nobody in to MyP&V
    When Louise starts an itsme login in MyP&V and cancels on the phone
    Then Louise sees the refusal "itsme_cancelled"
    And the refusal says "U hebt geannuleerd in itsme"
    When Louise starts an itsme login in MyP&V and lets it time out on the phone
    Then Louise sees the refusal "itsme_expired"
    And Louise is not logged in to MyP&V

  @RG-1 @faq-2.1 @vivium
  Scenario: Cancelling on the phone logs nobody in to MyVivium
    When Marc starts an itsme login in MyVivium and cancels on the phone
    Then Marc sees the refusal "itsme_cancelled"
    And the refusal says "Vous avez annulé dans itsme"
    And Marc is not logged in to MyVivium

  @RG-1 @faq-2.1 @vivium
  Scenario: itsme is unavailable: MyVivium points to the eID card and personal data
    Given the fault "itsme_unavailable" is switched on
    When Marc logs in to MyVivium with itsme
    Then Marc sees the refusal "itsme_unavailable"
    And the refusal says "itsme n'est pas disponible pour le moment"
    And the refusal says "eID"
    When Marc inserts the eID card in the reader of MyVivium and types the PIN "1234"
    And he creates the account with the email "marc@example.be" and accepts digital documents
    Then the page shows "Bienvenue, Marc"

  @RG-1 @faq-2.1 @pv
  Scenario: itsme is unavailable in MyP&V until the fault is switched off
    Given the fault "itsme_unavailable" is switched on
    When Emma logs in to MyP&V with itsme
    Then Emma sees the refusal "itsme_unavailable"
    And the refusal says "itsme is momenteel niet beschikbaar"
    Given the fault "itsme_unavailable" is switched off
    When Emma logs in to MyP&V with itsme
    Then the page has the element "identity-form"

  @RG-1 @RG-3 @faq-2.1 @pv
  Scenario: Emma's first eID login creates her MyP&V account; the next one goes straight in
    When Emma inserts the eID card in the reader of MyP&V and types the PIN "1234"
    Then the page shows "Maak uw account aan"
    When she creates the account with the email "emma@example.be" and accepts digital documents
    Then the page shows "Welkom, Emma"
    When Emma logs out of MyP&V
    And Emma inserts the eID card in the reader of MyP&V and types the PIN "1234"
    Then the page shows "Welkom, Emma"

  @RG-1 @faq-2.1 @vivium
  Scenario: Three wrong PINs block Sofie's eID card, in MyVivium and in MyP&V
    When Sofie inserts the eID card in the reader of MyVivium and types the PIN "0000"
    Then Sofie sees the refusal "eid_wrong_pin"
    And she is told 2 tries are left
    When she types the PIN "1111" again
    Then she is told 1 tries are left
    When she types the PIN "2222" again
    Then Sofie sees the refusal "eid_card_blocked"
    And the refusal says "Uw eID-kaart is geblokkeerd"
    When she types the PIN "1234" again
    Then Sofie sees the refusal "eid_card_blocked"
    When Sofie opens the eID reader of MyVivium
    Then the reader shows the card of Sofie as "blocked"
    When Sofie inserts the eID card in the reader of MyP&V and types the PIN "1234"
    Then Sofie sees the refusal "eid_card_blocked"
    And Sofie is not logged in to MyVivium

  @RG-1 @faq-2.1 @pv
  Scenario: A blocked eID card is refused by MyP&V even with the right PIN
    When Jean-Pierre inserts the eID card in the reader of MyP&V and types the PIN "9999"
    And he types the PIN "9998" again
    And he types the PIN "9997" again
    Then Jean-Pierre sees the refusal "eid_card_blocked"
    And the refusal says "Votre carte eID est bloquée"
    And the page has the element "report-form"
    When he types the PIN "1234" again
    Then Jean-Pierre sees the refusal "eid_card_blocked"
    And Jean-Pierre is not logged in to MyP&V

  @RG-1 @faq-2.1 @vivium
  Scenario: Luc's expired eID card is refused by MyVivium; itsme still works
    When Luc opens the eID reader of MyVivium
    Then the reader shows the card of Luc as "expired"
    When Luc inserts the eID card in the reader of MyVivium and types the PIN "1234"
    Then Luc sees the refusal "eid_card_expired"
    And the page has the element "eid-other-card"
    When Luc logs in to MyVivium with itsme
    Then the page has the element "identity-form"

  @RG-1 @faq-2.1 @pv
  Scenario: An expired eID card is refused by MyP&V too: the card is the same
    When Luc inserts the eID card in the reader of MyP&V and types the PIN "1234"
    Then Luc sees the refusal "eid_card_expired"

  @RG-1 @faq-2.1 @pv
  Scenario: Without a card reader MyP&V says so and offers the other ways
    Given the fault "eid_reader_missing" is switched on
    When Louise opens the eID reader of MyP&V
    Then Louise sees the refusal "eid_reader_missing"
    And the page has no element "eid-cards"
    And the page has the element "report-form"
    Given the fault "eid_reader_missing" is switched off
    When Louise opens the eID reader of MyP&V
    Then the reader shows the card of Louise as "valid"

  @RG-1 @faq-2.1 @vivium
  Scenario: Without a card reader MyVivium refuses the PIN
    Given the fault "eid_reader_missing" is switched on
    When Marc inserts the eID card in the reader of MyVivium and types the PIN "1234"
    Then Marc sees the refusal "eid_reader_missing"
    And Marc is not logged in to MyVivium
