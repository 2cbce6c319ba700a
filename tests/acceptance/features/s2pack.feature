Feature: The VIVIUM S² Pack on the simulated clock
  A Vivium car policy with the S² Pack: a box on the battery sends an e-call after an
  accident in Belgium, tracks the car after a theft on request, and feeds the customer's
  personal page. The trainer plays its whole life with the control API and the clock.

  Background:
    Given the simulator is reset to the demo personas
    And the simulated clock is frozen at "2026-03-10 10:00"
    And a Dutch-speaking Vivium car customer with the mobile "+32470998877" and the contract "7700123" with the S² Pack

  @S2-6 @vivium
  Scenario: The welcome SMS, then the box sent with its delivery SMS on the next event
    Then the SMS "s2_welcome_sms" went to "+32470998877" saying "wachtwoord"
    And the S² Pack of "7700123" is "ordered"
    When the simulated clock moves to the next event
    Then the S² Pack of "7700123" is "sent"
    And the SMS "s2_delivery_sms" went to "+32470998877" saying "binnen drie weken"

  @S2-5 @vivium
  Scenario: Not installed in time: two reminders by SMS and by letter, then the premium adjusted
    When 60 days pass
    Then the S² Pack of "7700123" is "lapsed"
    And a letter "s2_late_reminder_letter" was posted "2" times
    And a letter "s2_premium_adjusted_letter" was posted "1" times
    And the SMS "s2_reminder_sms" went to "+32470998877" saying "02 420 43 82"

  @S2-2 @S2-1 @vivium
  Scenario: An e-call at 4.5 g with no answer: the SMS and a tow truck
    When 5 days pass
    And the customer says the box of "7700123" is installed
    Then the SMS "s2_activation_sms" went to "+32470998877" saying "actief"
    When the box of "7700123" records an impact of "4.5" g in Belgium, the car stopped, and nobody answers
    Then the S² log of "7700123" ends with "impact, ecall, assistance_call, s2_ecall_missed_sms, tow_truck"
    And the SMS "s2_ecall_missed_sms" went to "+32470998877" saying "VIVIUM Bijstand"

  @S2-2 @vivium
  Scenario: An impact abroad is recorded but calls nobody
    When 5 days pass
    And the customer says the box of "7700123" is installed
    And the box of "7700123" records an impact of "6" g abroad
    Then the S² log of "7700123" ends with "impact"
    And no SMS "s2_ecall_missed_sms" went out

  @S2-7 @vivium
  Scenario: An anomaly on a box placed in 2026 sends to the technical helpdesk
    When 5 days pass
    And the customer says the box of "7700123" is installed
    And the box of "7700123" reports an anomaly
    Then the SMS "s2_anomaly_sms" went to "+32470998877" saying "02 420 43 82"
    When 31 days pass
    Then the S² Pack of "7700123" is "lapsed"

  @S2-8 @vivium
  Scenario: Stopping the pack: the de-installation SMS with the return address
    When 5 days pass
    And the customer says the box of "7700123" is installed
    And the customer stops the S² Pack of "7700123"
    Then the SMS "s2_deinstallation_sms" went to "+32470998877" saying "Koningsstraat 151, 1210 Brussel"
    And the S² Pack of "7700123" is "ended"

  @S2-3 @vivium
  Scenario: Theft tracking starts only when the customer asks for it, on a working box
    When the customer asks to track the car of "7700123" after a theft
    Then the theft tracking is refused with "s2_not_active"
    When 5 days pass
    And the customer says the box of "7700123" is installed
    Then the S² log of "7700123" holds no "theft_tracking"
    When the customer asks to track the car of "7700123" after a theft
    Then the theft tracking gives the steps "control_room:0800-12.414, police_report, claim_if_theft_cover"
    And the S² log of "7700123" ends with "theft_tracking"

  @S2-4 @vivium
  Scenario: An SMS when the battery's power drops and when it is disconnected
    When 5 days pass
    And the customer says the box of "7700123" is installed
    And the box of "7700123" reports the battery "low"
    Then the SMS "s2_battery_low_sms" went to "+32470998877" saying "vermogen van uw batterij dalen"
    When the box of "7700123" reports the battery "disconnected"
    Then the SMS "s2_battery_disconnected_sms" went to "+32470998877" saying "losgekoppeld"
