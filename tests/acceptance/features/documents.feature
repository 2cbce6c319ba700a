Feature: Documents: life documents as PDF, a missing one by email, paper by exception
  The Documents tab holds life documents only: proof of premium payment, tax certificate,
  annual statement (DC-1). A missing document is asked by the intermediary from the
  internal service and sent by email (DC-2). Registering means consenting to digital
  documents; paper needs an exception the intermediary asks support for (DC-3).

  Background:
    Given the simulator is reset to the demo personas
    And the simulated clock is frozen at "2026-11-23 09:00"

  @DC-1 @faq-4.1 @pv
  Scenario: Emma's documents tab holds her life documents only, newest first, as PDF
    Given Emma has registered in MyP&V with eID
    When she opens the page "/documents" of MyP&V
    Then the documents tab lists 18 documents, newest first
    And the documents tab lists life documents only
    And the documents tab lists no document of the contract "6610203041"
    And the element "documents-help" says "De documenten van niet-levencontracten (polis, verzekeringsbewijs auto, schadeattest) volgen later."
    When she downloads the "tax_certificate" of 2025
    Then the download is a PDF marked "SPECIMEN"

  @DC-1 @faq-4.1 @vivium
  Scenario: Marc's documents tab holds the life documents of his shown contracts, as PDF
    Given Marc has registered in MyVivium with eID
    When he opens the page "/documents" of MyVivium
    Then the documents tab lists 18 documents, newest first
    And the documents tab lists life documents only
    And the documents tab lists no document of the contract "4011002347"
    When he downloads the "annual_statement" of 2025
    Then the download is a PDF marked "SPECIMEN"

  @DC-1 @DC-3 @faq-4.1 @vivium
  Scenario: A new document of a contract MyVivium does not show goes by post, one it shows by email
    Given Marc has registered in MyVivium with eID
    When a new "tax_certificate" of 2026 is published for the contract "4011002345"
    Then the notice of the new document goes by email to "marc@example.be"
    When a new "tax_certificate" of 2026 is published for the contract "4011002347"
    Then the notice of the new document goes by letter to "Marc Dubois, Rue des Carmes 8, 5000 Namur"

  @DC-1 @DC-3 @faq-4.1 @pv
  Scenario: Emma is told by email of a new life document in MyP&V, and finds it in the tab
    Given Emma has registered in MyP&V with eID
    When a new "annual_statement" of 2026 is published for the contract "6610203042"
    Then the notice of the new document goes by email to "emma@example.be"
    And the outbox holds an email "new_document_email" to "emma@example.be" saying "Jaaroverzicht 2026, contract 6610203042"
    When she opens the page "/documents" of MyP&V
    Then the documents tab lists 19 documents, newest first

  @DC-2 @BK-3 @faq-4.2 @pv
  Scenario: Jean-Pierre has no document; his agent asks for his car insurance card, sent by email
    Given Jean-Pierre has registered in MyP&V with eID
    When he opens the page "/documents" of MyP&V
    Then the page has the element "no-documents"
    And the element "documents-help" says "demandez-le à votre agent"
    When the intermediary opens the customer file of Jean-Pierre in Connect 360
    And the intermediary asks support for the document "insurance_card" of 2026 of the contract "111000171363" for Jean-Pierre
    Then the support desk of MyP&V has an open request "missing_document" from "jean-pierre@example.be"
    And the request comes from the intermediary, for "jean-pierre@example.be"
    When support marks the request as sent
    Then the request is "sent"
    And the outbox holds an email "document_sent_email" to "jean-pierre@example.be" saying "insurance_card-111000171363-2026.pdf"
    And the outbox holds an email "document_sent_email" to "jean-pierre@example.be" saying "À la demande de votre agent"

  @DC-2 @BK-3 @faq-4.2 @vivium
  Scenario: Marc's broker asks for a 2022 tax certificate, which support sends by email
    Given Marc has registered in MyVivium with eID
    When he opens the page "/documents" of MyVivium
    Then the element "documents-help" says "demandez-le à votre courtier"
    When the intermediary opens the customer file of Marc in V-Connect
    And the intermediary asks support for the document "tax_certificate" of 2022 of the contract "4011002345" for Marc
    Then the support desk of MyVivium has an open request "missing_document" from "marc@example.be"
    And the request reached the mailbox "myvivium@vivium.be"
    When support marks the request as sent
    Then the outbox holds an email "document_sent_email" to "marc@example.be" saying "Attestation fiscale 2022"
    And the outbox holds an email "document_sent_email" to "marc@example.be" saying "À la demande de votre courtier"

  @DC-3 @faq-4.3 @pv
  Scenario: A paper-mail exception for Louise: email before support approves it, letters after
    Given Louise has registered in MyP&V with eID
    When the intermediary opens the customer file of Louise in Connect 360
    Then the customer file says documents go by "digital" because of "consent"
    When the intermediary asks support for a paper-mail exception for Louise because "Geen computer thuis."
    Then the support desk of MyP&V has an open request "paper_exception" from "louise@example.be"
    When a new "premium_proof" of 2026 is published for the contract "5436548"
    Then the notice of the new document goes by email to "louise@example.be"
    When support approves the request
    Then the request is "approved"
    When a new "tax_certificate" of 2026 is published for the contract "5436548"
    Then the notice of the new document goes by letter to "Louise Peeters, Kerkstraat 12, 2000 Antwerpen"
    When the post delivers every letter in transit
    Then the outbox holds a letter "document_letter" to Louise saying "Fiscaal attest 2026"
    When the intermediary opens the customer file of Louise in Connect 360
    Then the customer file says documents go by "paper" because of "exception"
    When Louise opens the page "/documents" of MyP&V
    Then the element "document-delivery" has data-mode "paper"
    And the element "document-delivery" says "Uw documenten komen met de post."

  @DC-3 @faq-4.3 @vivium
  Scenario: A paper-mail exception for Sofie in MyVivium: refused, then asked again, approved and revoked
    Given Sofie has registered in MyVivium with eID
    When the intermediary opens the customer file of Sofie in V-Connect
    And the intermediary asks support for a paper-mail exception for Sofie because "Geen internet."
    And the intermediary asks support for a paper-mail exception for Sofie because "Nog eens."
    Then the intermediary is told "already_requested"
    When support refuses the request
    And a new "annual_statement" of 2026 is published for the contract "4011009001"
    Then the notice of the new document goes by email to "sofie@example.be"
    When the intermediary asks support for a paper-mail exception for Sofie because "Slechtziend."
    And support approves the request
    And a new "annual_statement" of 2026 is published for the contract "4011009002"
    Then the notice of the new document goes by letter to "Sofie Janssens, Naamsestraat 41, 3000 Leuven"
    When Sofie opens the page "/documents" of MyVivium
    Then the element "document-delivery" has data-mode "paper"
    When support revokes the request
    And a new "premium_proof" of 2026 is published for the contract "4011009002"
    Then the notice of the new document goes by email to "sofie@example.be"

  @DC-3 @faq-4.3 @pv
  Scenario: Without a MyP&V account the customer already gets letters and needs no exception
    When the intermediary opens the customer file of Emma in Connect 360
    Then the customer file says documents go by "paper" because of "no_account"
    When the intermediary asks support for a paper-mail exception for Emma because "Papier graag."
    Then the intermediary is told "not_registered"
