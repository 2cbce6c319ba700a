Feature: The broker's and the agent's view of the customer
  Vivium brokers are not notified of a registration; P&V's Connect 360 shows a MyP&V
  onboarding flag and date and a QR code to the MyP&V landing page (BK-1). The broker or
  agent sees everything the customer sees, never less (BK-2), and stays the customer's
  first point of contact (BK-3).

  Background:
    Given the simulator is reset to the demo personas
    And the simulated clock is frozen at "2026-11-23 09:00"

  @BK-1 @faq-1.2 @pv
  Scenario: Connect 360 flags Louise's MyP&V onboarding with its date and shows the QR code
    When the intermediary opens the customer file of Louise in Connect 360
    Then the customer file shows Louise as not onboarded
    And the customer file shows a QR code to "https://my.pv.be/"
    Given Louise has registered in MyP&V with personal data
    When the intermediary opens the customer file of Louise in Connect 360
    Then the customer file shows Louise as onboarded on "23/11/2026"
    And the page shows "Connect 360: Louise Peeters"

  @BK-1 @faq-1.3 @vivium
  Scenario: V-Connect shows no onboarding and the Vivium broker is told nothing of Marc's registration
    Given Marc has registered in MyVivium with itsme
    When the intermediary opens the customer file of Marc in V-Connect
    Then the customer file has no onboarding flag and no QR code
    And the page shows "V-Connect: Marc Dubois"
    And the only messages in the outbox are "welcome_email"

  @BK-2 @CT-4 @faq-1.3 @pv
  Scenario: Louise's agent sees everything she sees in MyP&V: contracts, guarantees, documents
    Given Louise has registered in MyP&V with eID
    When the intermediary opens the customer file of Louise in Connect 360
    Then the customer file shows everything Louise sees in MyP&V
    And the page has the element "contract-3654654"
    And the page has the element "guarantee-3654654-civil_liability"

  @BK-2 @CT-4 @faq-1.4 @vivium
  Scenario: Marc's broker sees everything he sees in MyVivium, and what he does not see with its reason
    Given Marc has registered in MyVivium with eID
    When the intermediary opens the customer file of Marc in V-Connect
    Then the customer file shows everything Marc sees in MyVivium
    When the intermediary opens the customer file of Marc in V-Connect
    Then the customer file shows the hidden contract "4091000123" with the reason "workers_compensation"
    And the customer file shows the hidden contract "4011002347" with the reason "expected_2025"
    And the page shows "accidents du travail"

  @BK-2 @faq-1.4 @vivium
  Scenario: Luc's broker sees his vehicles and what is hidden from him, before he even registers
    When the intermediary opens the customer file of Luc in V-Connect
    Then the page has the element "contract-4021003301"
    And the customer file shows the hidden contract "1987654" with the reason "legacy_car"
    And the customer file says documents go by "paper" because of "no_account"

  @BK-3 @HP-1 @faq-6.1 @pv
  Scenario: MyP&V sends the customer to the agent first: on the help page and with a missing contract
    When Louise opens the page "/help" of MyP&V
    Then the element "intermediary" says "Uw agent blijft uw eerste aanspreekpunt, zeker voor vragen over uw contracten."
    And the element "faq-who-to-contact" says "agent"
    Given Jean-Pierre has registered in MyP&V with eID
    When he opens the page "/contracts/missing" of MyP&V
    Then the element "missing-help" says "Votre agent reste votre premier interlocuteur pour vos contrats."
    When the intermediary opens the customer file of Jean-Pierre in Connect 360
    Then the page shows "The intermediary stays the customer's first point of contact"

  @BK-3 @HP-1 @faq-6.1 @vivium
  Scenario: MyVivium sends the customer to the broker first
    When Marc opens the page "/help" of MyVivium
    Then the element "intermediary" says "Votre courtier reste votre premier interlocuteur"
    When Luc opens the page "/help" of MyVivium
    Then the element "intermediary" says "Uw makelaar blijft uw eerste aanspreekpunt"
    Given Luc has registered in MyVivium with itsme
    When he opens MyVivium
    Then the element "more-questions" says "makelaar"
