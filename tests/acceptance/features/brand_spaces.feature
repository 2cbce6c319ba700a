Feature: Two separate portals, each with its own address, support and home-screen icon
  MyVivium (my.vivium.be) and MyP&V (my.pv.be) have nothing in common: a customer with
  contracts of both brands needs an account in each, each portal shows its own brand's
  contracts only, and being logged into one never logs you into the other (BR-1).
  Each has its own contact centre (BR-2) and can be added to a phone's home screen (BR-3).

  Background:
    Given the simulator is reset to the demo personas
    And the simulated clock is frozen at "2026-11-23 09:00"

  @BR-1 @faq-3.3 @pv
  Scenario: A MyP&V session is anonymous in MyVivium, even in the same browser
    Given Sofie has registered in MyP&V with eID
    When she opens MyP&V
    Then the page shows "Welkom, Sofie"
    And the overview shows exactly the contracts "2211004455, 2211004456, 2211004457"
    When she opens MyVivium in the same browser
    Then Sofie is a visitor of MyVivium

  @BR-1 @RG-7 @faq-3.3 @faq-2.5 @vivium
  Scenario: A customer of both brands needs a second account for MyVivium, with the same email if she likes
    Given Sofie has registered in MyP&V with eID as "sofie@example.be"
    When she opens MyVivium in the same browser
    Then Sofie is a visitor of MyVivium
    When Sofie logs in to MyVivium with itsme
    And she creates the account with the email "sofie@example.be" and accepts digital documents
    Then the page shows "Welkom, Sofie"
    And the overview shows exactly the contracts "4011009001, 4011009002"
    And the overview does not show the contract "2211004455"
    And Sofie is logged in to MyP&V

  @BR-1 @faq-3.3 @pv
  Scenario: A Vivium contract number is refused in MyP&V with a way to MyVivium
    When Sofie asks for an activation letter in MyP&V with the contract "4011009001"
    Then Sofie sees the refusal "contract_other_brand"
    And the refusal says "Dit is geen P&V-contract"
    And the element "other-portal-link" has href "/vivium/nl/"
    And the outbox holds no letter for Sofie
    When she follows the link "other-portal-link"
    Then the page shows "Welkom op MyVivium"

  @BR-1 @faq-3.3 @vivium
  Scenario: A P&V contract number is refused in MyVivium with a way to MyP&V
    When Louise asks for an activation letter in MyVivium (fr) with the contract "5436548"
    Then Louise sees the refusal "contract_other_brand"
    And the refusal says "Ce contrat n'est pas un contrat Vivium"
    And the element "other-portal-link" has href "/pv/fr/"
    And the outbox holds no letter for Louise

  @BR-1 @RG-5 @faq-3.3 @faq-2.3 @vivium
  Scenario: A P&V customer logging in to MyVivium with eID is sent to MyP&V
    When Louise inserts the eID card in the reader of MyVivium and types the PIN "1234"
    Then Louise sees the refusal "other_brand_only"
    And the refusal says "Uw contracten staan in MyP&V"
    And the element "other-portal-link" has href "/pv/nl/"

  @BR-1 @RG-5 @faq-3.3 @faq-2.3 @pv
  Scenario: A Vivium customer logging in to MyP&V with itsme is sent to MyVivium
    When Marc logs in to MyP&V (fr) with itsme
    Then Marc sees the refusal "other_brand_only"
    And the refusal says "Vos contrats se trouvent dans MyVivium"
    And the element "other-portal-link" has href "/vivium/fr/"

  @BR-2 @HP-1 @faq-6.1 @vivium
  Scenario: MyVivium answers in French and Dutch and gives its own contact centre
    When someone opens "/vivium/"
    Then the page is in French
    When Marc opens the page "/help" of MyVivium
    Then the page is in French
    And the contact centre shown is "myvivium@vivium.be" at "02 406 87 08"
    And the page shows "du lundi au jeudi de 8 h 30 à 17 h, le vendredi de 8 h 30 à 16 h"
    When Luc opens the page "/help" of MyVivium
    Then the page is in Dutch
    And the contact centre shown is "myvivium@vivium.be" at "02 406 87 08"
    And the page shows "maandag tot donderdag van 8.30 tot 17 uur, vrijdag van 8.30 tot 16 uur"

  @BR-2 @HP-1 @faq-6.1 @pv
  Scenario: MyP&V answers in Dutch and French and gives its own contact centre
    When someone opens "/pv/"
    Then the page is in Dutch
    When Louise opens the page "/help" of MyP&V
    Then the contact centre shown is "mypv@pv.be" at "02 250 87 09"
    And the page shows "maandag tot donderdag van 8.30 tot 17 uur, vrijdag van 8.30 tot 16 uur"
    When Jean-Pierre opens the page "/help" of MyP&V
    Then the page is in French
    And the contact centre shown is "mypv@pv.be" at "02 250 87 09"
    And the page shows "du lundi au jeudi de 8 h 30 à 17 h, le vendredi de 8 h 30 à 16 h"

  @BR-3 @faq-1.5 @vivium
  Scenario: MyVivium is a web app a phone can put on its home screen
    When someone opens "/vivium/manifest.webmanifest"
    Then the web app manifest names "MyVivium", opens "/vivium/fr/" standalone and has icons of 192 and 512 pixels
    When Marc opens the page "/help" of MyVivium
    Then the page declares the web app manifest
    And the element "faq-app" says "MyVivium est un site web"

  @BR-3 @faq-1.4 @pv
  Scenario: MyP&V is a web app a phone can put on its home screen
    When someone opens "/pv/manifest.webmanifest"
    Then the web app manifest names "MyP&V", opens "/pv/nl/" standalone and has icons of 192 and 512 pixels
    When Louise opens the page "/help" of MyP&V
    Then the page declares the web app manifest
    And the element "faq-app" says "Nee: MyP&V is een website die werkt op computer, tablet en smartphone"

  @BR-3 @RG-1 @RG-3 @faq-1.4 @faq-2.1 @pv @browser
  Scenario: On a phone, Louise registers in MyP&V with her eID card and reads her overview
    Given Louise uses a browser on a phone
    When in the browser Louise opens MyP&V
    Then the browser shows "landing-title"
    And the page in the browser fits the width of the screen
    When in the browser Louise registers with the eID card
    Then the browser shows "Welkom, Louise" in "welcome"
    And the browser shows "€ 21.460,03" in "total-pension"
    And the page in the browser fits the width of the screen

  @BR-3 @RG-1 @RG-3 @faq-1.5 @faq-2.1 @vivium @browser
  Scenario: On a tablet, Marc registers in MyVivium with itsme and reads his overview
    Given Marc uses a browser on a tablet
    When in the browser Marc opens MyVivium
    And in the browser Marc registers with itsme
    Then the browser shows "Bienvenue, Marc" in "welcome"
    And the page in the browser fits the width of the screen
    When in the browser Marc clicks "tab-help"
    Then the browser shows "myvivium@vivium.be" in "support-email"
