Feature: Contact & Help
  A Contact & Help section with frequently asked questions and the contact centre (HP-1);
  future self-service that is not available yet: declare a claim, medical questionnaire,
  pay a premium online; on MyP&V also book an appointment and check one's insurances (HP-2).

  Background:
    Given the simulator is reset to the demo personas
    And the simulated clock is frozen at "2026-11-23 09:00"

  @HP-1 @RG-4 @RG-6 @faq-6.1 @faq-2.2 @faq-2.4 @pv
  Scenario: MyP&V's Contact & Help answers the FAQ and gives the contact centre, before any login
    When Louise opens MyP&V
    And she follows the link "landing-help"
    Then the page has the element "contact-centre"
    And the contact centre shown is "mypv@pv.be" at "02 250 87 09"
    And the element "faq-no-invitation" says "de uitnodigingsmail is niet nodig"
    And the element "faq-activation-code" says "Vraag een nieuwe code aan op de registratiepagina"
    And the element "faq-activation-code" says "02 250 87 09"
    And the element "faq-cannot-register" says "Stuur naar mypv@pv.be een screenshot van de foutmelding"

  @HP-1 @RG-4 @RG-6 @faq-6.1 @faq-2.2 @faq-2.4 @vivium
  Scenario: MyVivium's Contact & Help answers the FAQ and gives the contact centre
    Given Marc has registered in MyVivium with eID
    When he opens MyVivium
    And he follows the link "more-questions-link"
    Then the contact centre shown is "myvivium@vivium.be" at "02 406 87 08"
    And the element "faq-no-invitation" says "MyVivium"
    And the element "faq-activation-code" says "myvivium@vivium.be"
    And the element "faq-email-used" says "adresse"
    And the page has the element "faq-other-brand-vivium"
    And the page has no element "faq-other-brand"

  @HP-2 @faq-1.6 @vivium
  Scenario: MyVivium lists the self-service to come as not available yet
    When Marc opens the page "/help" of MyVivium
    Then the element "soon-claim" says "pas encore disponible"
    And the element "soon-medical" says "pas encore disponible"
    And the element "soon-payment" says "pas encore disponible"
    And the page has no element "soon-appointment"
    And the element "faq-coming-soon" says "MyVivium"

  @HP-2 @faq-1.5 @pv
  Scenario: MyP&V lists the self-service to come as not available yet
    Given Emma has registered in MyP&V with eID
    When she opens the page "/help" of MyP&V
    Then the element "soon-claim" says "Een schadegeval aangeven nog niet beschikbaar"
    And the element "soon-medical" says "Een medische vragenlijst invullen"
    And the element "soon-payment" says "Een premie online betalen"
    And the element "soon-appointment" says "Een afspraak maken met uw adviseur"
    And the element "soon-insurances" says "Uw verzekeringen nakijken nog niet beschikbaar"
