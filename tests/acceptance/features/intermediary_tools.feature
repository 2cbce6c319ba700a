Feature: The agent in Connect 360 and the broker in V-Connect, each in his own portfolio
  An intermediary signs in to his company's tool with his producer number and works on
  his own customers only (BK-3: he stays their first point of contact; BK-2: he sees all
  they see, never anybody else's). Connect 360 shows the portals' onboarding and a QR code
  (BK-1), and contact changes from the next day (PD-2); V-Connect shows neither. From a
  customer's account he asks support for help as the sender (RG-5, DC-2, DC-3).

  Background:
    Given the simulator is reset to the demo personas
    And the simulated clock is frozen at "2026-11-23 09:00"

  @BK-3 @BK-2 @faq-6.1 @pv
  Scenario: An agent finds his own customer by plate and never another agent's
    When the intermediary "4000101" signs in to Connect 360 in "nl"
    And the intermediary searches his portfolio for "2-BHM-548"
    Then the portfolio lists Louise
    When the intermediary searches his portfolio for "Lambert"
    Then the portfolio does not list Jean-Pierre
    When the intermediary opens the account of Jean-Pierre
    Then the tool answers 404

  @BK-1 @BK-2 @faq-1.2 @faq-1.3 @pv
  Scenario: Connect 360 shows Louise's counts, her MyP&V onboarding and the QR code
    Given Louise has registered in MyP&V with eID
    When the intermediary "4000101" signs in to Connect 360 in "nl"
    And the intermediary opens the account of Louise
    Then the account shows "2" for "count-life"
    And the account shows "2" for "count-non-life"
    And the account shows the "pv" badge as "yes"
    And the account shows the "vivium" badge as "no"
    And the account shows "startpagina van MyP&V" for "qr-code"
    When the intermediary opens the policy "3654654"
    Then the account shows "504,92" for "annual-premium"

  @BK-1 @PD-2 @faq-1.3 @faq-5.3 @vivium
  Scenario: V-Connect shows no onboarding and keeps the contact details it had
    Given Marc has registered in MyVivium with itsme
    When the intermediary "8000201" signs in to V-Connect in "fr"
    And the intermediary opens the account of Marc
    Then the account has no onboarding badge and no QR code
    And the page shows "Life Connect"
    And the account shows "n'arrivent pas dans cet outil" for "contact-note"

  @DC-3 @faq-4.3 @pv
  Scenario: The agent asks for paper mail for Louise, and support's answer comes to him
    Given Louise has registered in MyP&V with eID
    When the intermediary "4000101" signs in to Connect 360 in "nl"
    And the intermediary opens the account of Louise
    Then the account shows "vraag ze alleen als de klant echt aandringt" for "paper-discouraged"
    When the intermediary asks for paper mail for Louise because "Geen computer thuis"
    Then support holds a "paper_exception" request sent by the intermediary "4000101"
    When support answers the request with "Uitzondering bekeken"
    Then the outbox holds an email to the intermediary "4000101"

  @DC-2 @faq-4.2 @vivium
  Scenario: The broker asks the internal service for Marc's missing tax certificate
    When the intermediary "8000201" signs in to V-Connect in "fr"
    And the intermediary asks for the "tax_certificate" 2025 of "4011002345" for Marc
    Then support holds a "missing_document" request sent by the intermediary "8000201"

  @RG-5 @faq-2.3 @vivium
  Scenario: The broker reports that Sofie cannot register, with a screenshot
    When the intermediary "8000202" signs in to V-Connect in "nl"
    And the intermediary reports that Sofie cannot register and wants "sofie@example.be"
    Then support holds a "registration_problem" request sent by the intermediary "8000202"
    When support answers the request with "Opgelost"
    Then the outbox holds an email to the intermediary "8000202"
