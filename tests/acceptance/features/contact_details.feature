Feature: Contact details changed in the portal
  Changing contact details in the portal does not change the address on the contracts:
  that goes through the intermediary (PD-1). P&V's customer database and the agent's
  Connect 360 are updated the next day (D+1), without notification; the Vivium broker is
  not informed at all (PD-2).

  Background:
    Given the simulator is reset to the demo personas
    And the simulated clock is frozen at "2026-11-23 15:00"

  @PD-1 @PD-2 @faq-5.2 @faq-5.3 @pv
  Scenario: Sofie moves in MyP&V: she sees it at once, her P&V agent the next day, her contract never
    Given Sofie has registered in MyP&V with eID
    When she changes the address in MyP&V to "Bondgenotenlaan 5, 3000 Leuven"
    Then the page has the element "profile-saved"
    And the element "current-address" says "Bondgenotenlaan 5, 3000 Leuven"
    And the element "contract-address-notice" says "vraag dat aan uw agent"
    And the element "intermediary-update" says "Uw agent ziet uw nieuwe contactgegevens vanaf de volgende dag"
    When she opens the contract "2211004455" in MyP&V
    Then the element "contract-risk" says "Naamsestraat 41, 3000 Leuven"
    When the intermediary opens the customer file of Sofie in Connect 360
    Then the customer file shows the address "Naamsestraat 41, 3000 Leuven"
    Given the simulated clock is frozen at "2026-11-23 23:59"
    When the intermediary opens the customer file of Sofie in Connect 360
    Then the customer file shows the address "Naamsestraat 41, 3000 Leuven"
    Given the simulated clock is frozen at "2026-11-24 00:00"
    When the intermediary opens the customer file of Sofie in Connect 360
    Then the customer file shows the address "Bondgenotenlaan 5, 3000 Leuven"
    And the customer file shows the contract "2211004455" with the risk address "Naamsestraat 41, 3000 Leuven"
    And the only messages in the outbox are "welcome_email"

  @PD-1 @PD-2 @faq-5.2 @faq-5.3 @vivium
  Scenario: Marc moves in MyVivium: he sees it at once, his broker is never told, his contracts keep their address
    Given Marc has registered in MyVivium with eID
    When he changes the address in MyVivium to "Rue de Fer 20, 5000 Namur"
    Then the element "current-address" says "Rue de Fer 20, 5000 Namur"
    And the element "contract-address-notice" says "demandez-le à votre courtier"
    And the element "intermediary-update" says "courtier"
    When 1 day passes
    And the intermediary opens the customer file of Marc in V-Connect
    Then the customer file shows the address "Rue des Carmes 8, 5000 Namur"
    And the customer file shows the contract "4031004411" with the risk address "Rue des Carmes 8, 5000 Namur"
    When 400 days pass
    And the intermediary opens the customer file of Marc in V-Connect
    Then the customer file shows the address "Rue des Carmes 8, 5000 Namur"
    And the page does not show "Rue de Fer"
    And the only messages in the outbox are "welcome_email"

  @PD-2 @faq-5.2 @pv
  Scenario: A new email in MyP&V reaches the agent's Connect 360 the next day, without any message
    Given Louise has registered in MyP&V with eID
    When she changes the email in MyP&V to "louise.new@example.be"
    Then the element "current-email" says "louise.new@example.be"
    When the intermediary opens the customer file of Louise in Connect 360
    Then the customer file shows the email "louise.peeters@example.be"
    When 1 day passes
    And the intermediary opens the customer file of Louise in Connect 360
    Then the customer file shows the email "louise.new@example.be"
    And the only messages in the outbox are "welcome_email"

  @PD-2 @faq-5.3 @vivium
  Scenario: A contact change made in MyVivium never reaches P&V's Connect 360 either
    Given Sofie has registered in MyVivium with eID
    When she changes the address in MyVivium to "Bondgenotenlaan 5, 3000 Leuven"
    And 2 days pass
    And the intermediary opens the customer file of Sofie in V-Connect
    Then the customer file shows the address "Naamsestraat 41, 3000 Leuven"
    When the intermediary opens the customer file of Sofie in Connect 360
    Then the customer file shows the address "Naamsestraat 41, 3000 Leuven"
