Feature: V-Connect Auto, the Vivium broker's car quotes from first screen to policy
  A Vivium broker quotes a car in V-Connect Auto for a customer of his portfolio: the
  vehicle from Informex or by hand, the guarantees, the premium, the company's analysis
  when a criterion in force asks for it, the offer, the customer's electronic signature
  and the policy (release note 11: VA-1 to VA-10). Each refusal names its rule, in the
  broker's language.

  Background:
    Given the simulator is reset to the demo personas
    And the simulated clock is frozen at "2026-04-04 09:00"

  @VA-1 @VA-2 @vivium
  Scenario: A plate in lower case and a chassis number with an O are refused in French
    When the intermediary "8000201" signs in to V-Connect in "fr"
    And the broker starts a car quote for Marc for the use "private" on the "private" line
    And the broker enters the vehicle by hand with plate "1abc234" and chassis number "VF1RJA00012345678"
    Then the tool refuses it saying "VA-1 : la plaque d'immatriculation compte au plus 8 caractères"
    When the broker enters the vehicle by hand with plate "1ABC234" and chassis number "VF1RJA0001234567O"
    Then the tool refuses it saying "jamais les lettres I, O ou Q"
    When the broker enters the vehicle by hand with plate "1ABC2345" and chassis number "VF1RJA00012345678"
    Then the quote is saved with an annual premium, its status "Brouillon"

  @VA-1 @vivium
  Scenario: A plate of 9 characters is refused in Dutch
    When the intermediary "8000202" signs in to V-Connect in "nl"
    And the broker starts a car quote for Sofie for the use "private" on the "private" line
    And the broker enters the vehicle by hand with plate "1ABC23456" and chassis number "VF1RJA00012345678"
    Then the tool refuses it saying "VA-1: de nummerplaat telt hoogstens 8 tekens"

  @VA-3 @VA-4 @vivium
  Scenario: Informex down, the motorhome entered by hand: 5,001 kg is referred, 5,000 kg quoted
    Given the fault "informex_unavailable" is switched on
    When the intermediary "8000201" signs in to V-Connect in "fr"
    And the broker starts a car quote for Marc for the use "private" on the "private" line
    Then the quote page shows that Informex does not answer and offers manual entry
    When the broker enters by hand a motorhome of "5001" kg
    Then the tool refuses it saying "auto-ant@vivium.be"
    When the broker enters by hand a motorhome of "5000" kg
    Then the quote is saved with an annual premium, its status "Brouillon"

  @VA-7 @vivium
  Scenario: The commercial line refers a driving school to the back office
    When the intermediary "8000201" signs in to V-Connect in "fr"
    And the broker starts a car quote for Marc for the use "driving_school" on the "commercial" line
    Then the tool refuses it saying "VA-7"

  @VA-9 @vivium
  Scenario: No accident assistance for a moped nor for a motorbike of 9 years
    When the intermediary "8000202" signs in to V-Connect in "nl"
    And the broker starts a car quote for Sofie for the use "private" on the "private" line
    And the broker enters by hand a "moped" of the year "2025"
    And the broker chooses the guarantee "accident_assistance"
    Then the tool refuses it saying "VA-9: bijstand ongeval is niet mogelijk voor bromfietsen"
    When the broker enters by hand a "motorbike" of the year "2017"
    And the broker chooses the guarantee "accident_assistance"
    Then the tool refuses it saying "VA-9: bijstand ongeval is enkel mogelijk voor een moto van hoogstens 8 jaar"

  @VA-8 @VA-10 @VA-6 @VA-5 @vivium
  Scenario: An expensive car goes through analysis, is duplicated, signed and issued
    Given the broker "8000201" has a quote through the API for Marc for a car worth "95000" euro
    When the quote takes the step "offer" through the API
    Then the API answers the error "analysis_required"
    When the quote takes the step "analysis" through the API
    And the company approves the quote through the API
    Then the quote's status is "approved"
    When the quote chooses material damage with the English excess through the API
    Then the English excess surcharge is its own line at half the material damage
    When the quote takes the step "duplicate" through the API
    Then the copy is a new draft made from the analysed quote
    When the quote takes the step "analysis" through the API
    And the company approves the quote through the API
    And the quote takes the step "offer" through the API
    And the quote takes the step "signature" through the API
    And the quote takes the step "sign" through the API
    And the quote takes the step "issue" through the API
    Then the quote's status is "issued"
    And the policy's return slip deadline is "2027-05-30"
