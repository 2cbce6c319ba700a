Feature: Which contracts the portal shows, how, and why not
  Shown: active life contracts for private and professional customers, active non-life
  contracts for private customers (CT-1). Not shown yet: standalone death and guaranteed-
  income guarantees, workers' compensation, old car contracts, bike, niche contracts
  (CT-2), each explained under "Je ne trouve pas mon contrat / Ik kan mijn contract niet
  vinden" (CT-4). A contract's page gives its risk, guarantees, savings, composition and
  beneficiaries (CT-3); the overview groups contracts by theme (CT-5).

  Background:
    Given the simulator is reset to the demo personas
    And the simulated clock is frozen at "2026-11-23 09:00"

  @CT-1 @CT-5 @HP-1 @faq-3.1 @faq-4.2 @pv
  Scenario: Louise's MyP&V overview: her pension with its total, her vehicles, and where to ask
    Given Louise has registered in MyP&V with eID
    When she opens MyP&V
    Then the overview shows the theme "pension" with the contracts "5436548, 8890079"
    And the theme "pension" shows the total "€ 21.460,03"
    And the element "theme-pension" says "Mijn pensioen"
    And the overview shows the theme "mobility" with the contracts "3654654, 8758589"
    And the overview shows the contract "3654654" as "Lexus RC - 2BHM548"
    And the overview shows the contract "8758589" as "Kawasaki - SAA111"
    And the element "more-questions" says "Nog vragen?"
    When she follows the link "more-questions-link"
    Then the page has the element "contact-centre"

  @CT-1 @CT-5 @faq-3.1 @faq-4.2 @vivium
  Scenario: Luc's MyVivium overview: his vehicles and his private-life accident cover, by theme
    Given Luc has registered in MyVivium with itsme
    When he opens MyVivium
    Then the overview shows the theme "mobility" with the contracts "4021003301, 4021003302"
    And the overview shows the contract "4021003301" as "Hymer B-Klasse MC T - 1HYM580"
    And the overview shows the contract "4021003302" as "Vespa Primavera 50 - AKL294"
    And the overview shows the theme "home" with the contracts "4041000077"
    And the element "hidden-count" says "3 contracten niet getoond"
    And the element "more-questions" says "neem contact op met uw makelaar"

  @CT-1 @CT-5 @faq-3.1 @faq-4.2 @vivium
  Scenario: Marc, a professional customer, sees his life contracts in MyVivium with their total
    Given Marc has registered in MyVivium with eID
    When he opens MyVivium
    Then the overview shows exactly the contracts "4011002345, 4011002346"
    And the theme "pension" shows the total "145 323,50 €"
    And the element "hidden-count" says "4 contrats non affichés"

  @CT-1 @CT-4 @faq-3.1 @faq-3.2 @pv
  Scenario: Emma sees her investment, her long-term savings and her motorbike; nothing is hidden
    Given Emma has registered in MyP&V with eID
    When she opens MyP&V
    Then the overview shows the theme "savings" with the contracts "6610203040"
    And the overview shows the theme "pension" with the contracts "6610203042"
    And the overview shows the theme "mobility" with the contracts "6610203041"
    And the page has no element "hidden-count"
    When she follows the link "missing-contract-link"
    Then the page has the element "no-hidden-contracts"

  @CT-2 @CT-4 @faq-3.2 @vivium
  Scenario: Marc finds why his professional, workers' compensation and standalone death contracts are not shown
    Given Marc has registered in MyVivium with eID
    When he opens MyVivium
    And he follows the link "missing-contract-link"
    Then the page shows "Je ne trouve pas mon contrat"
    And the page lists the hidden contract "4021007788" with the reason "professional_non_life"
    And the page lists the hidden contract "4031004411" with the reason "professional_non_life"
    And the page lists the hidden contract "4091000123" with the reason "workers_compensation"
    And the reason given for "4091000123" is "Les assurances accidents du travail (AT) ne sont pas encore reprises dans MyVivium."
    And the page lists the hidden contract "4011002347" with the reason "expected_2025"
    And the reason given for "4011002347" is "leur arrivée est prévue en 2025"
    And the element "missing-help" says "Votre courtier reste votre premier interlocuteur"

  @CT-2 @CT-4 @faq-3.2 @vivium
  Scenario: Luc finds why his old car contract, his boat and his ended fire contract are not shown
    Given Luc has registered in MyVivium with itsme
    When he opens the page "/contracts/missing" of MyVivium
    Then the page shows "Ik kan mijn contract niet vinden"
    And the page lists the hidden contract "1987654" with the reason "legacy_car"
    And the page lists the hidden contract "4091000456" with the reason "niche"
    And the page lists the hidden contract "4031000999" with the reason "ended"
    And the reason given for "4031000999" is "Dit contract is beëindigd: MyVivium toont enkel uw actieve contracten."
    And the overview does not show the contract "1987654"

  @CT-2 @CT-4 @faq-3.2 @pv
  Scenario: Jean-Pierre finds why his hunting liability, his bike and a niche contract are not shown
    Given Jean-Pierre has registered in MyP&V with eID
    When he opens MyP&V
    Then the overview shows exactly the contracts "111000171363, 111000171364"
    And the element "hidden-count" says "3 contrats non affichés"
    When he follows the link "missing-contract-link"
    Then the page lists the hidden contract "111000171365" with the reason "niche"
    And the reason given for "111000171365" is "Il s'agit d'un contrat de niche, assez rare"
    And the page lists the hidden contract "111000171366" with the reason "bike"
    And the page lists the hidden contract "111000171367" with the reason "niche"
    And the element "not-shown" says "Garantie décès seule"

  @CT-2 @CT-4 @faq-3.2 @pv
  Scenario: MyP&V explains what it does not show yet, standalone guarantees expected in 2025 included
    Given Sofie has registered in MyP&V with eID
    When she opens the page "/contracts/missing" of MyP&V
    Then the page has the element "no-hidden-contracts"
    And the element "not-shown" says "Afzonderlijke waarborg gewaarborgd inkomen"
    And the element "not-shown" says "ze worden in 2025 verwacht"
    And the element "not-shown" says "BA jacht"
    And the page shows "MyP&V toont enkel P&V-contracten"

  @CT-2 @faq-3.2 @vivium
  Scenario: Sofie's standalone guaranteed-income guarantee is expected in MyVivium in 2025
    Given Sofie has registered in MyVivium with eID
    When she opens MyVivium
    Then the overview shows exactly the contracts "4011009001, 4011009002"
    When she opens the page "/contracts/missing" of MyVivium
    Then the page lists the hidden contract "4011009003" with the reason "expected_2025"
    And the reason given for "4011009003" is "ze worden in 2025 verwacht"

  @CT-3 @faq-3.1 @pv
  Scenario: Louise's car contract shows its risk and the guarantees covered and not covered
    Given Louise has registered in MyP&V with eID
    When she opens the contract "3654654" in MyP&V
    Then the element "contract-title" says "Lexus RC - 2BHM548"
    And the element "contract-risk" says "JTHHA5BC1M5012345"
    And the element "vehicle-plate" says "2BHM548"
    And the guarantees on the page are:
      | guarantee           | covered     |
      | civil_liability     | covered     |
      | driver_protection   | not covered |
      | legal_assistance    | covered     |
      | accident_assistance | covered     |
      | theft               | not covered |

  @CT-3 @faq-3.1 @pv
  Scenario: Louise's PLCI shows its savings, its composition and its beneficiaries
    Given Louise has registered in MyP&V with eID
    When she opens the contract "8890079" in MyP&V
    Then the element "contract-savings" says "€ 9.114,36"
    And the page has the element "component-plci"
    And the page has the element "component-death_cover"
    And the element "contract-beneficiaries" says "Jonas Peeters"
    And the element "contract-beneficiaries" says "Mila Peeters"

  @CT-3 @faq-3.1 @vivium
  Scenario: Marc's EIP shows its savings, its composition and its beneficiaries
    Given Marc has registered in MyVivium with eID
    When he opens the contract "4011002345" in MyVivium
    Then the element "contract-savings" says "84 120,50 €"
    And the page has the element "component-eip"
    And the page has the element "component-branch23"
    And the page has the element "component-guaranteed_income"
    And the element "contract-beneficiaries" says "Claire Dubois"
    When he opens the contract "4091000123" in MyVivium
    Then the page answers with the status 404

  @CT-3 @faq-3.1 @vivium
  Scenario: Luc's motorhome and moped show their vehicle data and guarantees
    Given Luc has registered in MyVivium with itsme
    When he opens the contract "4021003301" in MyVivium
    Then the element "contract-risk" says "4800"
    And the guarantees on the page are:
      | guarantee            | covered |
      | civil_liability      | covered |
      | accident_assistance  | covered |
      | breakdown_assistance | covered |
    When he opens the contract "4021003302" in MyVivium
    Then the element "vehicle-plate" says "AKL294"
    And the guarantees on the page are:
      | guarantee            | covered     |
      | civil_liability      | covered     |
      | breakdown_assistance | covered     |
      | accident_assistance  | not covered |
