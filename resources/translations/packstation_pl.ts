<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context>
    <name>AuditTrailDialog</name>
    <message>
        <source>Audit trail — order {number}</source>
        <translation>Historia zdarzeń — zamówienie {number}</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wczytywanie…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Kiedy</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Co</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Kto</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Stanowisko</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Szczegóły</translation>
    </message>
    <message>
        <source>{count} entries, oldest first</source>
        <translation>Wpisów: {count}, od najstarszego</translation>
    </message>
    <message>
        <source>Status {old} → {new}</source>
        <translation>Stan {old} → {new}</translation>
    </message>
    <message>
        <source>Print job {job}: {old} → {new}</source>
        <translation>Zadanie druku {job}: {old} → {new}</translation>
    </message>
    <message>
        <source>Wrong unit {code}: {how}</source>
        <translation>Zła sztuka {code}: {how}</translation>
    </message>
    <message>
        <source>Supervisor: {action}</source>
        <translation>Kierownik: {action}</translation>
    </message>
    <message>
        <source> (voided)</source>
        <translation> (unieważniony)</translation>
    </message>
    <message>
        <source> by hand</source>
        <translation> ręcznie</translation>
    </message>
    <message>
        <source>Scan {raw}: {label}{manual}{voided}</source>
        <translation>Skan {raw}: {label}{manual}{voided}</translation>
    </message>
    <message>
        <source>weight {kg} kg</source>
        <translation>waga {kg} kg</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <source>Cancel order {number}</source>
        <translation>Anuluj zamówienie {number}</translation>
    </message>
    <message>
        <source>Customer&apos;s request</source>
        <translation>Na prośbę klienta</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>Brak w magazynie</translation>
    </message>
    <message>
        <source>Address problem</source>
        <translation>Problem z adresem</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Płatność</translation>
    </message>
    <message>
        <source>Shop&apos;s error</source>
        <translation>Błąd sklepu</translation>
    </message>
    <message>
        <source>Other (say what)</source>
        <translation>Inny (podaj jaki)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Powód</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Opis</translation>
    </message>
    <message>
        <source>Packaging</source>
        <translation>opakowanie</translation>
    </message>
    <message>
        <source>Labour</source>
        <translation>praca</translation>
    </message>
    <message>
        <source>Postage</source>
        <translation>wysyłka</translation>
    </message>
    <message>
        <source>Cost: {what}</source>
        <translation>Koszt: {what}</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <source>Packstation: something went wrong</source>
        <translation>Packstation: coś poszło nie tak</translation>
    </message>
    <message>
        <source>Something went wrong inside Packstation.</source>
        <translation>W programie Packstation wystąpił błąd.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
    <message>
        <source>The details are in the log file:
%1</source>
        <translation>Szczegóły są w pliku dziennika:
%1</translation>
    </message>
    <message>
        <source>The log file could not be written; the details went to the error output.</source>
        <translation>Nie udało się zapisać pliku dziennika; szczegóły trafiły na wyjście błędów.</translation>
    </message>
    <message>
        <source>The open order and every scan already confirmed are safe. If the bench stops answering, close Packstation and start it again: the order opens where it stopped.</source>
        <translation>Otwarte zamówienie i każdy potwierdzony skan są bezpieczne. Jeśli stanowisko przestanie odpowiadać, zamknij Packstation i uruchom go ponownie: zamówienie otworzy się tam, gdzie przerwano.</translation>
    </message>
    <message>
        <source>What happened: %1</source>
        <translation>Co się stało: %1</translation>
    </message>
    <message numerus="yes">
        <source>It happened %n time(s) since this message appeared.</source>
        <translation>
            <numerusform>Zdarzyło się to %n raz od pojawienia się tego komunikatu.</numerusform>
            <numerusform>Zdarzyło się to %n razy od pojawienia się tego komunikatu.</numerusform>
            <numerusform>Zdarzyło się to %n razy od pojawienia się tego komunikatu.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Packer: {name}</source>
        <translation>Pakuje: {name}</translation>
    </message>
    <message>
        <source>Nobody: scan your badge</source>
        <translation>Nikt: zeskanuj identyfikator</translation>
    </message>
    <message>
        <source>Station {station} · database {where}</source>
        <translation>Stanowisko {station} · baza {where}</translation>
    </message>
    <message>
        <source>DATABASE AWAY: {where}</source>
        <translation>BRAK BAZY DANYCH: {where}</translation>
    </message>
    <message>
        <source>Filter: number, customer, city</source>
        <translation>Szukaj: numer, klient, miasto</translation>
    </message>
    <message>
        <source>Queue
F2</source>
        <translation>Kolejka
F2</translation>
    </message>
    <message>
        <source>Next order
F6</source>
        <translation>Następne
F6</translation>
    </message>
    <message>
        <source>Give back
F7</source>
        <translation>Oddaj
F7</translation>
    </message>
    <message>
        <source>Hold…
F8</source>
        <translation>Wstrzymaj…
F8</translation>
    </message>
    <message>
        <source>Taken out
F9</source>
        <translation>Wyjęte
F9</translation>
    </message>
    <message>
        <source>Undo
Esc</source>
        <translation>Cofnij
Esc</translation>
    </message>
    <message>
        <source>Finish
F12</source>
        <translation>Zakończ
F12</translation>
    </message>
</context>
<context>
    <name>ManualDialog</name>
    <message>
        <source>Confirm a unit by hand — {number}</source>
        <translation>Potwierdź sztukę ręcznie — {number}</translation>
    </message>
    <message>
        <source>The unit&apos;s barcode will not scan (torn, missing, unreadable). Which line is it?</source>
        <translation>Kodu kreskowego sztuki nie da się zeskanować (podarty, brakujący, nieczytelny). Która to pozycja?</translation>
    </message>
</context>
<context>
    <name>MismatchReportWindow</name>
    <message>
        <source>Mismatch report</source>
        <translation>Raport niezgodności</translation>
    </message>
    <message>
        <source>SKU confirmed by hand</source>
        <translation>SKU potwierdzone ręcznie</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Sztuk</translation>
    </message>
    <message>
        <source>station</source>
        <translation>stanowisko</translation>
    </message>
    <message>
        <source>packer</source>
        <translation>pakowacz</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>every kind</source>
        <translation>wszystkie rodzaje</translation>
    </message>
    <message>
        <source>every mismatch</source>
        <translation>wszystkie niezgodności</translation>
    </message>
    <message>
        <source>grouped by {what}</source>
        <translation>pogrupowane: {what}</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Pokaż</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Eksport CSV…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Eksport PDF…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Od</translation>
    </message>
    <message>
        <source>to</source>
        <translation>do</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wczytywanie…</translation>
    </message>
    <message>
        <source>{count} mismatch(es)</source>
        <translation>Niezgodności: {count}</translation>
    </message>
    <message>
        <source>bad barcodes (confirmed by hand again and again): {skus}</source>
        <translation>złe kody kreskowe (wielokrotnie potwierdzane ręcznie): {skus}</translation>
    </message>
    <message>
        <source>Mismatches per day</source>
        <translation>Niezgodności dziennie</translation>
    </message>
    <message>
        <source>mismatches</source>
        <translation>niezgodności</translation>
    </message>
    <message>
        <source>Mismatches per packer</source>
        <translation>Niezgodności wg pakowacza</translation>
    </message>
    <message>
        <source>Top SKUs</source>
        <translation>Najczęstsze SKU</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Czas</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Stanowisko</translation>
    </message>
    <message>
        <source>Packer</source>
        <translation>Pakowacz</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Zamówienie</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Rodzaj</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Oczekiwano</translation>
    </message>
    <message>
        <source>Scanned</source>
        <translation>Zeskanowano</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Rozwiązanie</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Kto</translation>
    </message>
    <message>
        <source>BAD BARCODE</source>
        <translation>ZŁY KOD KRESKOWY</translation>
    </message>
    <message>
        <source>Export the mismatch report</source>
        <translation>Eksportuj raport niezgodności</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Wyeksportowano do {path}</translation>
    </message>
</context>
<context>
    <name>OrderSide</name>
    <message>
        <source>Last scans</source>
        <translation>Ostatnie skany</translation>
    </message>
    <message>
        <source>In the box: {scanned} / {required}</source>
        <translation>W pudle: {scanned} / {required}</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>Brak zdjęcia</translation>
    </message>
</context>
<context>
    <name>OrderView</name>
    <message>
        <source>No order open</source>
        <translation>Brak otwartego zamówienia</translation>
    </message>
    <message>
        <source>NEW ORDER {number}: new box</source>
        <translation>NOWE ZAMÓWIENIE {number}: nowe pudło</translation>
    </message>
    <message>
        <source>CASH ON DELIVERY {amount} {currency}</source>
        <translation>POBRANIE {amount} {currency}</translation>
    </message>
    <message>
        <source>NOTE: {note}</source>
        <translation>UWAGA: {note}</translation>
    </message>
    <message>
        <source>STOP: ORDER CANCELLED</source>
        <translation>STOP: ZAMÓWIENIE ANULOWANE</translation>
    </message>
    <message>
        <source>The shop cancelled order {number}. Do not ship it: unpack the box.</source>
        <translation>Sklep anulował zamówienie {number}. Nie wysyłaj go: rozpakuj pudło.</translation>
    </message>
    <message>
        <source>STOP: ORDER CHANGED</source>
        <translation>STOP: ZMIANA ZAMÓWIENIA</translation>
    </message>
    <message>
        <source>The shop changed this order: {changes}</source>
        <translation>Sklep zmienił to zamówienie: {changes}</translation>
    </message>
    <message>
        <source>Scan OK (CMD-OK) when the box is right</source>
        <translation>Zeskanuj CMD-OK, gdy pudło jest w porządku</translation>
    </message>
    <message>
        <source>Why put {number} on hold?</source>
        <translation>Dlaczego wstrzymać {number}?</translation>
    </message>
    <message>
        <source>Or scan a reason barcode. Esc: keep packing.</source>
        <translation>Albo zeskanuj kod powodu. Esc: pakuj dalej.</translation>
    </message>
</context>
<context>
    <name>PackerStatsWindow</name>
    <message>
        <source>Packer statistics</source>
        <translation>Statystyki pakowaczy</translation>
    </message>
    <message>
        <source>station</source>
        <translation>stanowisko</translation>
    </message>
    <message>
        <source>packer</source>
        <translation>pakowacz</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>wg dni</translation>
    </message>
    <message>
        <source>per shift</source>
        <translation>wg zmian</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Pokaż</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Eksport CSV…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Eksport PDF…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Od</translation>
    </message>
    <message>
        <source>to</source>
        <translation>do</translation>
    </message>
    <message>
        <source>Time per order = opening to finishing minus time on hold; orders and units per hour over that time; mismatch rate = mismatched scans ÷ all scans. Single-item and multi-item orders apart.</source>
        <translation>Czas na zamówienie = od otwarcia do zakończenia minus czas wstrzymania; zamówienia i sztuki na godzinę liczone w tym czasie; odsetek niezgodności = niezgodne skany ÷ wszystkie skany. Zamówienia jednosztukowe i wielosztukowe osobno.</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wczytywanie…</translation>
    </message>
    <message>
        <source>{count} row(s), per {grouping}, time zone {zone}</source>
        <translation>Wierszy: {count}, okres: {grouping}, strefa czasowa {zone}</translation>
    </message>
    <message>
        <source>Packer</source>
        <translation>Pakowacz</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Okres</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Zamówienia</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Sztuki</translation>
    </message>
    <message>
        <source>Orders/h</source>
        <translation>Zamówienia/h</translation>
    </message>
    <message>
        <source>Units/h</source>
        <translation>Sztuki/h</translation>
    </message>
    <message>
        <source>Median time per order</source>
        <translation>Mediana czasu na zamówienie</translation>
    </message>
    <message>
        <source>Mismatch rate</source>
        <translation>Odsetek niezgodności</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>Skany</translation>
    </message>
    <message>
        <source>single-item</source>
        <translation>jednosztukowe</translation>
    </message>
    <message>
        <source>multi-item</source>
        <translation>wielosztukowe</translation>
    </message>
    <message>
        <source>Orders per hour</source>
        <translation>Zamówienia na godzinę</translation>
    </message>
    <message>
        <source>Export the packer statistics</source>
        <translation>Eksportuj statystyki pakowaczy</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Wyeksportowano do {path}</translation>
    </message>
</context>
<context>
    <name>PickList</name>
    <message>
        <source>Bin</source>
        <translation>Miejsce</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>In the box</source>
        <translation>W pudle</translation>
    </message>
    <message>
        <source>take out</source>
        <translation>wyjmij</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Supervisor PIN</source>
        <translation>PIN kierownika</translation>
    </message>
    <message>
        <source>PIN of {name}</source>
        <translation>PIN: {name}</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Number</source>
        <translation>Numer</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Klient</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Miasto</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Sztuk</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stan</translation>
    </message>
    <message>
        <source>Waiting and packing</source>
        <translation>Czekające i w pakowaniu</translation>
    </message>
    <message>
        <source>Every order</source>
        <translation>Wszystkie zamówienia</translation>
    </message>
    <message>
        <source>{status} · bench silent, {scanned}/{units} in</source>
        <translation>{status} · stanowisko milczy, {scanned}/{units} w pudle</translation>
    </message>
    <message>
        <source>{status}, expedited</source>
        <translation>{status}, przyspieszone</translation>
    </message>
    <message numerus="yes">
        <source>Queue: %n order(s)</source>
        <translation>
            <numerusform>Kolejka: %n zamówienie</numerusform>
            <numerusform>Kolejka: %n zamówienia</numerusform>
            <numerusform>Kolejka: %n zamówień</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to resume</source>
        <translation>
            <numerusform>%n czeka na wznowienie</numerusform>
            <numerusform>%n czekają na wznowienie</numerusform>
            <numerusform>%n czeka na wznowienie</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SerialScanners</name>
    <message>
        <source>connected</source>
        <translation>połączony</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>łączenie…</translation>
    </message>
    <message>
        <source>DISCONNECTED</source>
        <translation>ODŁĄCZONY</translation>
    </message>
    <message>
        <source>Scanners: {states}</source>
        <translation>Skanery: {states}</translation>
    </message>
</context>
<context>
    <name>SupervisorPanel</name>
    <message>
        <source>Supervisor</source>
        <translation>Kierownik</translation>
    </message>
    <message>
        <source>Scan your supervisor badge, then type your PIN.</source>
        <translation>Zeskanuj swój identyfikator kierownika, potem wpisz PIN.</translation>
    </message>
    <message>
        <source>Held orders</source>
        <translation>Wstrzymane zamówienia</translation>
    </message>
    <message>
        <source>Any order</source>
        <translation>Dowolne zamówienie</translation>
    </message>
    <message>
        <source>This bench</source>
        <translation>To stanowisko</translation>
    </message>
    <message>
        <source>Mismatch report…</source>
        <translation>Raport niezgodności…</translation>
    </message>
    <message>
        <source>Packer statistics…</source>
        <translation>Statystyki pakowaczy…</translation>
    </message>
    <message>
        <source>Done (supervisor leaves)</source>
        <translation>Gotowe (kierownik wychodzi)</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Zamówienie</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Klient</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Miasto</translation>
    </message>
    <message>
        <source>Packed</source>
        <translation>Spakowano</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Powód</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>Kto wstrzymał</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Stanowisko</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Od kiedy</translation>
    </message>
    <message>
        <source>Back to the queue</source>
        <translation>Z powrotem do kolejki</translation>
    </message>
    <message>
        <source>Pack here now</source>
        <translation>Pakuj tutaj teraz</translation>
    </message>
    <message>
        <source>Ship without the missing units…</source>
        <translation>Wyślij bez brakujących sztuk…</translation>
    </message>
    <message>
        <source>Cancel…</source>
        <translation>Anuluj…</translation>
    </message>
    <message>
        <source>Audit trail…</source>
        <translation>Historia zdarzeń…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Odśwież</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Numer zamówienia</translation>
    </message>
    <message>
        <source>Expedite (front of the queue)</source>
        <translation>Przyspiesz (na początek kolejki)</translation>
    </message>
    <message>
        <source>Back to its place in the queue</source>
        <translation>Z powrotem na swoje miejsce w kolejce</translation>
    </message>
    <message>
        <source>Reopen (finished by mistake)…</source>
        <translation>Otwórz ponownie (zakończone przez pomyłkę)…</translation>
    </message>
    <message>
        <source>For the order open at this bench, when the packer cannot clear it:</source>
        <translation>Dla zamówienia otwartego na tym stanowisku, gdy pakowacz nie może sam rozwiązać problemu:</translation>
    </message>
    <message>
        <source>Accept the oldest wrong unit (it stays in the box)…</source>
        <translation>Zatwierdź najstarszą złą sztukę (zostaje w pudle)…</translation>
    </message>
    <message>
        <source>Accept the weight the scale gave…</source>
        <translation>Zatwierdź wagę odczytaną z wagi…</translation>
    </message>
    <message>
        <source>Supervisor: &lt;b&gt;{name}&lt;/b&gt; · packer: {packer}</source>
        <translation>Kierownik: &lt;b&gt;{name}&lt;/b&gt; · pakowacz: {packer}</translation>
    </message>
    <message>
        <source>Why may {number} ship without the missing units?</source>
        <translation>Dlaczego {number} może wyjść bez brakujących sztuk?</translation>
    </message>
    <message>
        <source>Partial shipment</source>
        <translation>Wysyłka częściowa</translation>
    </message>
    <message>
        <source>Why reopen {number}? Its tracking number will be void.</source>
        <translation>Dlaczego ponownie otworzyć {number}? Jego numer przesyłki straci ważność.</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Otwórz ponownie</translation>
    </message>
    <message>
        <source>Accept a wrong unit</source>
        <translation>Zatwierdź złą sztukę</translation>
    </message>
    <message>
        <source>Why may it stay in the box?</source>
        <translation>Dlaczego może zostać w pudle?</translation>
    </message>
    <message>
        <source>Accept the weight</source>
        <translation>Zatwierdź wagę</translation>
    </message>
    <message>
        <source>Why is the weight right?</source>
        <translation>Dlaczego waga jest prawidłowa?</translation>
    </message>
</context>
<context>
    <name>SupervisorTools</name>
    <message>
        <source>Supervisor panel</source>
        <translation>Panel kierownika</translation>
    </message>
    <message>
        <source>Confirm a unit by hand</source>
        <translation>Potwierdź sztukę ręcznie</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Scan a packing slip</source>
        <translation>Zeskanuj zamówienie</translation>
    </message>
    <message>
        <source>or press F6 for the next order in the queue</source>
        <translation>albo naciśnij F6: następne zamówienie z kolejki</translation>
    </message>
    <message>
        <source>OK  +{quantity}  ·  {scanned} / {required}</source>
        <translation>DOBRZE  +{quantity}  ·  {scanned} / {required}</translation>
    </message>
    <message>
        <source>{name}</source>
        <translation>{name}</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>DOBRZE</translation>
    </message>
    <message numerus="yes">
        <source>COMPLETE: %n unit(s)</source>
        <translation>
            <numerusform>KOMPLET: %n sztuka</numerusform>
            <numerusform>KOMPLET: %n sztuki</numerusform>
            <numerusform>KOMPLET: %n sztuk</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} was the last one. Scan FINISH (F12).</source>
        <translation>{name} to ostatnia sztuka. Zeskanuj CMD-FINISH (F12).</translation>
    </message>
    <message>
        <source>{name} was the last one. Finishing now: Esc or UNDO keeps the order open.</source>
        <translation>{name} to ostatnia sztuka. Zaraz kończę: Esc lub CMD-UNDO zostawia zamówienie otwarte.</translation>
    </message>
    <message>
        <source>WRONG ITEM</source>
        <translation>ZŁY PRODUKT</translation>
    </message>
    <message>
        <source>{name} is not on this order. Take it out, then scan REMOVED (F9).</source>
        <translation>{name} nie należy do tego zamówienia. Wyjmij, potem zeskanuj CMD-REMOVED (F9).</translation>
    </message>
    <message>
        <source>TOO MANY</source>
        <translation>ZA DUŻO</translation>
    </message>
    <message>
        <source>{name}: all {required} are in the box already. Take one out, then scan REMOVED (F9).</source>
        <translation>{name}: wszystkie {required} są już w pudle. Wyjmij jedną, potem zeskanuj CMD-REMOVED (F9).</translation>
    </message>
    <message numerus="yes">
        <source>{name}: this pack counts {quantity}, only %n more needed. Take it out, then scan REMOVED (F9).</source>
        <translation>
            <numerusform>{name}: ta paczka liczy {quantity}, brakuje tylko %n sztuki. Wyjmij ją, potem zeskanuj CMD-REMOVED (F9).</numerusform>
            <numerusform>{name}: ta paczka liczy {quantity}, brakuje tylko %n sztuk. Wyjmij ją, potem zeskanuj CMD-REMOVED (F9).</numerusform>
            <numerusform>{name}: ta paczka liczy {quantity}, brakuje tylko %n sztuk. Wyjmij ją, potem zeskanuj CMD-REMOVED (F9).</numerusform>
        </translation>
    </message>
    <message>
        <source>UNKNOWN BARCODE</source>
        <translation>NIEZNANY KOD</translation>
    </message>
    <message>
        <source>{barcode} is no product we know. Take it out, then scan REMOVED (F9).</source>
        <translation>{barcode} to nieznany produkt. Wyjmij go, potem zeskanuj CMD-REMOVED (F9).</translation>
    </message>
    <message>
        <source>UNKNOWN</source>
        <translation>NIEZNANY</translation>
    </message>
    <message>
        <source>No order open</source>
        <translation>Brak otwartego zamówienia</translation>
    </message>
    <message>
        <source>{name}: scan the order&apos;s packing slip first.</source>
        <translation>{name}: najpierw zeskanuj kartkę zamówienia.</translation>
    </message>
    <message>
        <source>NO ORDER</source>
        <translation>BEZ ZAMÓWIENIA</translation>
    </message>
    <message>
        <source>Unknown barcode</source>
        <translation>Nieznany kod</translation>
    </message>
    <message>
        <source>{barcode} is no order, product or badge.</source>
        <translation>{barcode} to ani zamówienie, ani produkt, ani identyfikator.</translation>
    </message>
    <message>
        <source>Scan refused</source>
        <translation>Skan odrzucony</translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) long: not a barcode. Nothing was counted.</source>
        <translation>
            <numerusform>%n znak: to nie kod kreskowy. Nic nie policzono.</numerusform>
            <numerusform>%n znaki: to nie kod kreskowy. Nic nie policzono.</numerusform>
            <numerusform>%n znaków: to nie kod kreskowy. Nic nie policzono.</numerusform>
        </translation>
    </message>
    <message>
        <source>REFUSED</source>
        <translation>ODRZUCONY</translation>
    </message>
    <message>
        <source>“{text}” holds control characters: check the scanner&apos;s set-up. Nothing was counted.</source>
        <translation>„{text}” zawiera znaki sterujące: sprawdź ustawienia skanera. Nic nie policzono.</translation>
    </message>
    <message>
        <source>“{text}”: the scanner sent bytes that are no text. Check its set-up. Nothing was counted.</source>
        <translation>„{text}”: skaner wysłał bajty, które nie są tekstem. Sprawdź jego ustawienia. Nic nie policzono.</translation>
    </message>
    <message>
        <source>Empty scan</source>
        <translation>Pusty skan</translation>
    </message>
    <message>
        <source>The scanner sent only a terminator or blanks.</source>
        <translation>Skaner wysłał tylko znak końca lub spacje.</translation>
    </message>
    <message>
        <source>EMPTY</source>
        <translation>PUSTY</translation>
    </message>
    <message>
        <source>UNDONE</source>
        <translation>COFNIĘTE</translation>
    </message>
    <message>
        <source>{name} no longer counts: take it back out of the box. Now {scanned} / {required}.</source>
        <translation>{name} już się nie liczy: wyjmij z pudła. Teraz {scanned} / {required}.</translation>
    </message>
    <message>
        <source>The scan of {name} is cancelled: it needs no REMOVED any more.</source>
        <translation>Skan {name} cofnięty: nie trzeba już CMD-REMOVED.</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Nie ma czego cofnąć</translation>
    </message>
    <message>
        <source>{number} has no scan to take back.</source>
        <translation>{number} nie ma skanu do cofnięcia.</translation>
    </message>
    <message>
        <source>KEPT OPEN</source>
        <translation>ZOSTAJE OTWARTE</translation>
    </message>
    <message>
        <source>{number} stays open. Check the box, then scan FINISH (F12).</source>
        <translation>{number} zostaje otwarte. Sprawdź pudło, potem zeskanuj CMD-FINISH (F12).</translation>
    </message>
    <message>
        <source>HOLD: WHY?</source>
        <translation>WSTRZYMAĆ: DLACZEGO?</translation>
    </message>
    <message>
        <source>Scan a reason barcode or press 1 to 4 for {number}. Esc: keep packing.</source>
        <translation>Zeskanuj kod powodu albo naciśnij 1–4 dla {number}. Esc: pakuj dalej.</translation>
    </message>
    <message>
        <source>NEW ORDER {number}</source>
        <translation>NOWE ZAMÓWIENIE {number}</translation>
    </message>
    <message>
        <source>Take a new box and scan every unit.</source>
        <translation>Weź nowe pudło i zeskanuj każdą sztukę.</translation>
    </message>
    <message>
        <source>OPENED</source>
        <translation>OTWARTE</translation>
    </message>
    <message>
        <source>ORDER {number}</source>
        <translation>ZAMÓWIENIE {number}</translation>
    </message>
    <message numerus="yes">
        <source>Resumed: {scanned} of %n unit(s) are in the box already. Carry on.</source>
        <translation>
            <numerusform>Wznowione: {scanned} z %n sztuki jest już w pudle. Pakuj dalej.</numerusform>
            <numerusform>Wznowione: {scanned} z %n sztuk jest już w pudle. Pakuj dalej.</numerusform>
            <numerusform>Wznowione: {scanned} z %n sztuk jest już w pudle. Pakuj dalej.</numerusform>
        </translation>
    </message>
    <message>
        <source>Already open</source>
        <translation>Już otwarte</translation>
    </message>
    <message>
        <source>Order {number} is open here already.</source>
        <translation>Zamówienie {number} jest już tu otwarte.</translation>
    </message>
    <message>
        <source>Finish {number} first</source>
        <translation>Najpierw zakończ {number}</translation>
    </message>
    <message>
        <source>It has scans already: finish it or put it on hold before opening {requested}.</source>
        <translation>Ma już skany: zakończ je lub wstrzymaj przed otwarciem {requested}.</translation>
    </message>
    <message>
        <source>No such order</source>
        <translation>Nie ma takiego zamówienia</translation>
    </message>
    <message>
        <source>There is no order {number}.</source>
        <translation>Nie ma zamówienia {number}.</translation>
    </message>
    <message>
        <source>Cannot be packed</source>
        <translation>Nie można pakować</translation>
    </message>
    <message>
        <source>Order {number} is {status}.</source>
        <translation>Zamówienie {number}: {status}.</translation>
    </message>
    <message>
        <source>Open elsewhere</source>
        <translation>Otwarte gdzie indziej</translation>
    </message>
    <message>
        <source>Order {number} is being packed at {station}.</source>
        <translation>Zamówienie {number} jest pakowane na stanowisku {station}.</translation>
    </message>
    <message>
        <source>Back in the queue</source>
        <translation>Z powrotem w kolejce</translation>
    </message>
    <message>
        <source>Order {number} waits in the queue again.</source>
        <translation>Zamówienie {number} znów czeka w kolejce.</translation>
    </message>
    <message>
        <source>ON HOLD</source>
        <translation>WSTRZYMANE</translation>
    </message>
    <message>
        <source>Order {number}: {reason}. A supervisor will look at it.</source>
        <translation>Zamówienie {number}: {reason}. Kierownik się tym zajmie.</translation>
    </message>
    <message>
        <source>LABEL PRINTED</source>
        <translation>ETYKIETA GOTOWA</translation>
    </message>
    <message>
        <source>Stick it on the box of {number} (tracking {tracking}). Then a NEW box for {next}.</source>
        <translation>Naklej ją na pudło {number} (nr przesyłki {tracking}). Potem NOWE pudło dla {next}.</translation>
    </message>
    <message>
        <source>Stick it on the box of {number} (tracking {tracking}).</source>
        <translation>Naklej ją na pudło {number} (nr przesyłki {tracking}).</translation>
    </message>
    <message>
        <source>STOP: CANCELLED</source>
        <translation>STOP: ANULOWANE</translation>
    </message>
    <message>
        <source>The shop cancelled {number}. Do not ship it: unpack the box, then scan OK.</source>
        <translation>Sklep anulował {number}. Nie wysyłaj: rozpakuj pudło, potem zeskanuj CMD-OK.</translation>
    </message>
    <message>
        <source>STOP: ORDER CHANGED</source>
        <translation>STOP: ZMIANA ZAMÓWIENIA</translation>
    </message>
    <message>
        <source>The shop changed this order: {changes}. Check the box, then scan OK.</source>
        <translation>Sklep zmienił to zamówienie: {changes}. Sprawdź pudło, potem zeskanuj CMD-OK.</translation>
    </message>
    <message>
        <source>Change noted</source>
        <translation>Zmiana przyjęta</translation>
    </message>
    <message>
        <source>Carry on packing {number}.</source>
        <translation>Pakuj dalej {number}.</translation>
    </message>
    <message>
        <source>Cancellation noted</source>
        <translation>Anulowanie przyjęte</translation>
    </message>
    <message>
        <source>{number}: put its units back. Scan the next slip or press F6.</source>
        <translation>{number}: odłóż sztuki na miejsce. Zeskanuj następną kartkę lub naciśnij F6.</translation>
    </message>
    <message>
        <source>NOT YOURS ANY MORE</source>
        <translation>JUŻ NIE TWOJE</translation>
    </message>
    <message>
        <source>Order {number} is {status} now. Put the box aside.</source>
        <translation>Zamówienie {number}: teraz {status}. Odłóż pudło na bok.</translation>
    </message>
    <message>
        <source>NOT FINISHED</source>
        <translation>NIE ZAKOŃCZONO</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) missing. Scan {name}: {remaining} more.</source>
        <translation>
            <numerusform>Brakuje %n sztuki. Zeskanuj: {name}, jeszcze {remaining}.</numerusform>
            <numerusform>Brakuje %n sztuk. Zeskanuj: {name}, jeszcze {remaining}.</numerusform>
            <numerusform>Brakuje %n sztuk. Zeskanuj: {name}, jeszcze {remaining}.</numerusform>
        </translation>
    </message>
    <message>
        <source>A wrong unit is in the box: take out {remove_name}, then scan REMOVED (F9).</source>
        <translation>W pudle jest zła sztuka: wyjmij {remove_name}, potem zeskanuj CMD-REMOVED (F9).</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>Niedozwolone</translation>
    </message>
    <message>
        <source>An order cannot go from {current} to {target}.</source>
        <translation>Zamówienie nie może przejść ze stanu {current} do {target}.</translation>
    </message>
    <message>
        <source>TAKEN OUT</source>
        <translation>WYJĘTE</translation>
    </message>
    <message>
        <source>{name} is out. Nothing wrong is left in the box.</source>
        <translation>{name} wyjęte. W pudle nie ma już nic złego.</translation>
    </message>
    <message>
        <source>REMOVED</source>
        <translation>WYJĘTE</translation>
    </message>
    <message>
        <source>{name} is out and the box is right: finishing now. Esc or UNDO keeps it open.</source>
        <translation>{name} wyjęte, pudło jest w porządku: zaraz kończę. Esc lub CMD-UNDO zostawia je otwarte.</translation>
    </message>
    <message numerus="yes">
        <source>{name} is out. Still %n wrong unit(s) in the box: next {next_name}.</source>
        <translation>
            <numerusform>{name} wyjęte. W pudle jest jeszcze %n zła sztuka, następna: {next_name}.</numerusform>
            <numerusform>{name} wyjęte. W pudle są jeszcze %n złe sztuki, następna: {next_name}.</numerusform>
            <numerusform>{name} wyjęte. W pudle jest jeszcze %n złych sztuk, następna: {next_name}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to take out</source>
        <translation>Nie ma czego wyjmować</translation>
    </message>
    <message>
        <source>No wrong unit waits to be removed.</source>
        <translation>Żadna zła sztuka nie czeka na wyjęcie.</translation>
    </message>
    <message>
        <source>Hello, {name}</source>
        <translation>Cześć, {name}</translation>
    </message>
    <message>
        <source>Your scans are recorded under your name.</source>
        <translation>Twoje skany są zapisywane na ciebie.</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>Wylogowano</translation>
    </message>
    <message>
        <source>Scans are recorded under the station&apos;s name.</source>
        <translation>Skany są zapisywane na stanowisko.</translation>
    </message>
    <message>
        <source>Unknown badge</source>
        <translation>Nieznany identyfikator</translation>
    </message>
    <message>
        <source>{badge} is no packer&apos;s badge.</source>
        <translation>{badge} to nie identyfikator pakowacza.</translation>
    </message>
    <message>
        <source>Scan an order&apos;s packing slip first.</source>
        <translation>Najpierw zeskanuj kartkę zamówienia.</translation>
    </message>
    <message>
        <source>Unknown command</source>
        <translation>Nieznane polecenie</translation>
    </message>
    <message>
        <source>CMD-{name} is no Packstation command barcode.</source>
        <translation>CMD-{name} to nie kod polecenia Packstation.</translation>
    </message>
    <message>
        <source>NO PRINTER</source>
        <translation>BRAK DRUKARKI</translation>
    </message>
    <message>
        <source>No printer is set up: nothing was printed or shipped.</source>
        <translation>Nie ustawiono drukarki: nic nie wydrukowano ani nie wysłano.</translation>
    </message>
    <message>
        <source>PRINTER PROBLEM</source>
        <translation>PROBLEM Z DRUKARKĄ</translation>
    </message>
    <message>
        <source>Nothing was shipped: {reason}</source>
        <translation>Nic nie wysłano: {reason}</translation>
    </message>
    <message>
        <source>DATABASE AWAY</source>
        <translation>BRAK BAZY DANYCH</translation>
    </message>
    <message>
        <source>The scan was NOT counted. Reconnecting… scan the unit again when this turns back.</source>
        <translation>Skan NIE został policzony. Łączę ponownie… zeskanuj sztukę jeszcze raz, gdy to zniknie.</translation>
    </message>
    <message>
        <source>Database back</source>
        <translation>Baza danych wróciła</translation>
    </message>
    <message>
        <source>Scanning works again.</source>
        <translation>Skanowanie znów działa.</translation>
    </message>
    <message>
        <source>Queue empty</source>
        <translation>Kolejka pusta</translation>
    </message>
    <message>
        <source>No order waits to be packed.</source>
        <translation>Żadne zamówienie nie czeka na spakowanie.</translation>
    </message>
    <message>
        <source>SYSTEM PROBLEM</source>
        <translation>PROBLEM Z SYSTEMEM</translation>
    </message>
    <message>
        <source>Nothing was shipped: {error} {path}. Call a supervisor.</source>
        <translation>Nic nie wysłano: {error} {path}. Wezwij kierownika.</translation>
    </message>
    <message>
        <source>SOFTWARE ERROR</source>
        <translation>BŁĄD PROGRAMU</translation>
    </message>
    <message>
        <source>Call a supervisor: {error}</source>
        <translation>Wezwij kierownika: {error}</translation>
    </message>
    <message>
        <source>LABEL PROBLEM</source>
        <translation>PROBLEM Z ETYKIETĄ</translation>
    </message>
    <message>
        <source>The label cannot be printed: {detail}</source>
        <translation>Nie można wydrukować etykiety: {detail}</translation>
    </message>
    <message>
        <source>Scan a packing slip, or F6 for the next order</source>
        <translation>Zeskanuj zamówienie albo F6: następne</translation>
    </message>
    <message>
        <source>Stick the label on {number}; new box for {next}</source>
        <translation>Naklej etykietę na {number}; nowe pudło: {next}</translation>
    </message>
    <message>
        <source>GS1 CODE DAMAGED</source>
        <translation>USZKODZONY KOD GS1</translation>
    </message>
    <message>
        <source>SSCC SHIPPING LABEL</source>
        <translation>ETYKIETA SSCC</translation>
    </message>
    <message>
        <source>SSCC {sscc}: not a product, nothing was counted.</source>
        <translation>SSCC {sscc}: to nie produkt, nic nie policzono.</translation>
    </message>
    <message>
        <source>LABEL NOT PRINTED</source>
        <translation>ETYKIETA NIE WYSZŁA</translation>
    </message>
    <message>
        <source>The box stays here. Attempt {attempts}: {reason}. Retrying in {retry_in} s. F12 retries now; CMD-ASIDE sets the box aside.</source>
        <translation>Pudło zostaje tu. Próba {attempts}: {reason}. Ponowię za {retry_in} s. F12: ponów teraz; CMD-ASIDE: odłóż pudło na bok.</translation>
    </message>
    <message>
        <source>LABEL PRINTER DOWN</source>
        <translation>DRUKARKA ETYKIET STOI</translation>
    </message>
    <message>
        <source>{reason}. Set the box aside (CMD-ASIDE), or fix the printer and press F12.</source>
        <translation>{reason}. Odłóż pudło (CMD-ASIDE) albo napraw drukarkę i naciśnij F12.</translation>
    </message>
    <message>
        <source>Reprint failed: {number}</source>
        <translation>Nie wydrukowano: {number}</translation>
    </message>
    <message>
        <source>{number} not packed yet</source>
        <translation>{number}: nie spakowane</translation>
    </message>
    <message>
        <source>Label needs another printer</source>
        <translation>Potrzebna inna drukarka</translation>
    </message>
    <message>
        <source>{number}: the label is {format}, and the label printer {printer} takes another format. Pack it at a bench whose printer takes it.</source>
        <translation>{number}: etykieta jest w formacie {format}, a drukarka etykiet {printer} przyjmuje inny format. Pakuj na stanowisku, którego drukarka go przyjmuje.</translation>
    </message>
    <message>
        <source>BOX SET ASIDE</source>
        <translation>PUDŁO ODŁOŻONE</translation>
    </message>
    <message>
        <source>{number} waits for its label: it prints when its slip is scanned at a working printer.</source>
        <translation>{number} czeka na etykietę: wydrukuje się, gdy kartka zamówienia zostanie zeskanowana przy działającej drukarce.</translation>
    </message>
    <message>
        <source>{number} shipped. Tracking {tracking}.</source>
        <translation>{number} wysłane. Nr przesyłki {tracking}.</translation>
    </message>
    <message>
        <source>DATABASE DAMAGED</source>
        <translation>BAZA USZKODZONA</translation>
    </message>
    <message>
        <source>The scan was NOT counted. Call a supervisor: the last backup must be restored.</source>
        <translation>Skan NIE został policzony. Wezwij kierownika: trzeba przywrócić ostatnią kopię zapasową.</translation>
    </message>
    <message>
        <source>DATABASE READ-ONLY</source>
        <translation>BAZA TYLKO DO ODCZYTU</translation>
    </message>
    <message>
        <source>The scan was NOT counted. Call a supervisor: this bench may not write the database.</source>
        <translation>Skan NIE został policzony. Wezwij kierownika: to stanowisko nie może zapisywać w bazie danych.</translation>
    </message>
    <message>
        <source>DISK FULL</source>
        <translation>DYSK PEŁNY</translation>
    </message>
    <message>
        <source>The scan was NOT counted. Call a supervisor: free space on {where}.</source>
        <translation>Skan NIE został policzony. Wezwij kierownika: trzeba zwolnić miejsce na {where}.</translation>
    </message>
    <message>
        <source>DATABASE BUSY</source>
        <translation>BAZA ZAJĘTA</translation>
    </message>
    <message>
        <source>The scan was NOT counted. Another program holds it {holders}. Scan the unit again in a moment.</source>
        <translation>Skan NIE został policzony. Trzyma ją inny program {holders}. Za chwilę zeskanuj sztukę jeszcze raz.</translation>
    </message>
    <message>
        <source>DATABASE LOGIN REFUSED</source>
        <translation>LOGOWANIE ODRZUCONE</translation>
    </message>
    <message>
        <source>The scan was NOT counted. Call a supervisor: check the user name and password.</source>
        <translation>Skan NIE został policzony. Wezwij kierownika: trzeba sprawdzić nazwę użytkownika i hasło.</translation>
    </message>
    <message>
        <source>NO SUCH DATABASE</source>
        <translation>NIE MA TAKIEJ BAZY</translation>
    </message>
    <message>
        <source>The scan was NOT counted. Call a supervisor: the database in the settings does not exist.</source>
        <translation>Skan NIE został policzony. Wezwij kierownika: baza danych podana w ustawieniach nie istnieje.</translation>
    </message>
    <message>
        <source>DATABASE WON&apos;T OPEN</source>
        <translation>BAZA SIĘ NIE OTWIERA</translation>
    </message>
    <message>
        <source>The scan was NOT counted. Call a supervisor: check the database file&apos;s folder.</source>
        <translation>Skan NIE został policzony. Wezwij kierownika: trzeba sprawdzić folder pliku bazy danych.</translation>
    </message>
    <message>
        <source>NOT WEIGHED</source>
        <translation>NIE ZWAŻONO</translation>
    </message>
    <message>
        <source>The weight does not settle. {reason}</source>
        <translation>Odczyt wagi się nie ustala. {reason}</translation>
    </message>
    <message>
        <source>The scale does not answer. {reason}</source>
        <translation>Waga nie odpowiada. {reason}</translation>
    </message>
    <message>
        <source>The scale&apos;s answers are unreadable. {reason}</source>
        <translation>Nieczytelne odpowiedzi wagi. {reason}</translation>
    </message>
    <message>
        <source>Too heavy for the scale. {reason}</source>
        <translation>Za ciężkie dla wagi. {reason}</translation>
    </message>
    <message>
        <source>The scale is below zero. {reason}</source>
        <translation>Waga pokazuje poniżej zera. {reason}</translation>
    </message>
    <message>
        <source>WEIGHT OVERRIDDEN</source>
        <translation>WAGA ZATWIERDZONA</translation>
    </message>
    <message>
        <source>By a supervisor.</source>
        <translation>Przez kierownika.</translation>
    </message>
    <message>
        <source>WRONG WEIGHT</source>
        <translation>ZŁA WAGA</translation>
    </message>
    <message>
        <source>Parcel {parcel} weighs {weight} kg, should weigh {expected} kg (± {allowed}). Check the contents, then weigh again.</source>
        <translation>Paczka {parcel} waży {weight} kg, powinna ważyć {expected} kg (± {allowed}). Sprawdź zawartość, potem zważ ponownie.</translation>
    </message>
    <message>
        <source>STATION NAME IN USE</source>
        <translation>NAZWA ZAJĘTA</translation>
    </message>
    <message>
        <source>{station} is in use by {host} (bench {bench}), last heard of {seconds} s ago. Use another station name, or if that machine is gone, wait until it has been silent for {ttl} s.</source>
        <translation>{station} ma komputer {host} (stanowisko {bench}), który ostatnio odezwał się {seconds} s temu. Użyj innej nazwy stanowiska albo, jeśli tego komputera już nie ma, poczekaj, aż będzie milczał przez {ttl} s.</translation>
    </message>
    <message>
        <source>STATION NAME TAKEN</source>
        <translation>NAZWA ODEBRANA</translation>
    </message>
    <message>
        <source>Another machine took {station}: this bench was silent too long. Restart it, or give it another station name.</source>
        <translation>Inny komputer przejął {station}: to stanowisko milczało zbyt długo. Uruchom je ponownie albo nadaj mu inną nazwę stanowiska.</translation>
    </message>
    <message>
        <source>{number} back in the queue</source>
        <translation>{number} znów w kolejce</translation>
    </message>
    <message>
        <source>{number} to the front</source>
        <translation>{number} na czoło kolejki</translation>
    </message>
    <message>
        <source>{number} back in its place</source>
        <translation>{number} na swoim miejscu</translation>
    </message>
    <message numerus="yes">
        <source>Scan: {name}  ·  bin {bin}  ·  %n left</source>
        <translation>
            <numerusform>Skanuj: {name}  ·  miejsce {bin}  ·  została %n</numerusform>
            <numerusform>Skanuj: {name}  ·  miejsce {bin}  ·  zostały %n</numerusform>
            <numerusform>Skanuj: {name}  ·  miejsce {bin}  ·  zostało %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Scan: {name}  ·  %n left</source>
        <translation>
            <numerusform>Skanuj: {name}  ·  została %n</numerusform>
            <numerusform>Skanuj: {name}  ·  zostały %n</numerusform>
            <numerusform>Skanuj: {name}  ·  zostało %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Take out: {name} ({kind})</source>
        <translation>Wyjmij: {name} ({kind})</translation>
    </message>
    <message numerus="yes">
        <source>All %n in: scan FINISH (F12)</source>
        <translation>
            <numerusform>%n sztuka w pudle: zeskanuj CMD-FINISH (F12)</numerusform>
            <numerusform>Wszystkie %n w pudle: zeskanuj CMD-FINISH (F12)</numerusform>
            <numerusform>Wszystkie %n w pudle: zeskanuj CMD-FINISH (F12)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n in: finishing… Esc keeps the order open</source>
        <translation>
            <numerusform>%n sztuka w pudle: kończę… Esc zostawia otwarte</numerusform>
            <numerusform>Wszystkie %n w pudle: kończę… Esc zostawia otwarte</numerusform>
            <numerusform>Wszystkie %n w pudle: kończę… Esc zostawia otwarte</numerusform>
        </translation>
    </message>
    <message>
        <source>Stick the label on the box of {number}</source>
        <translation>Naklej etykietę na pudło {number}</translation>
    </message>
    <message>
        <source>Why on hold? Scan a reason, or press 1 to 4</source>
        <translation>Dlaczego wstrzymać? Zeskanuj powód albo 1–4</translation>
    </message>
    <message>
        <source>Check the box against the shop&apos;s change, then scan OK</source>
        <translation>Sprawdź pudło wg zmiany sklepu, potem CMD-OK</translation>
    </message>
    <message>
        <source>Unpack the box of {number}, then scan OK</source>
        <translation>Rozpakuj pudło {number}, potem zeskanuj CMD-OK</translation>
    </message>
    <message>
        <source>Wait: the database is away, scans are not counted</source>
        <translation>Czekaj: brak bazy danych, skany się nie liczą</translation>
    </message>
    <message>
        <source>EXPIRED</source>
        <translation>PRZETERMINOWANE</translation>
    </message>
    <message>
        <source>{name}: expires {expiry} (lot {lot}); units need {margin_days} day(s) left. Take it out, then scan REMOVED (F9).</source>
        <translation>{name}: termin ważności {expiry} (partia {lot}); sztuka musi mieć jeszcze min. {margin_days} dni ważności. Wyjmij, potem zeskanuj CMD-REMOVED (F9).</translation>
    </message>
    <message>
        <source>SERIAL ALREADY PACKED</source>
        <translation>NR SERYJNY JUŻ SPAKOWANY</translation>
    </message>
    <message>
        <source>{name}: serial {serial} is already packed in order {order}. Take it out, then scan REMOVED (F9).</source>
        <translation>{name}: nr seryjny {serial} jest już spakowany w zamówieniu {order}. Wyjmij, potem zeskanuj CMD-REMOVED (F9).</translation>
    </message>
    <message>
        <source>DUPLICATE</source>
        <translation>DUPLIKAT</translation>
    </message>
    <message>
        <source>Already counted</source>
        <translation>Już policzone</translation>
    </message>
    <message>
        <source>{name}: serial {serial} is counted already — this is the same unit again.</source>
        <translation>{name}: nr seryjny {serial} jest już policzony — to znowu ta sama sztuka.</translation>
    </message>
    <message>
        <source>AGAIN</source>
        <translation>PONOWNIE</translation>
    </message>
    <message>
        <source>Scan the unit&apos;s lot code</source>
        <translation>Zeskanuj kod partii sztuki</translation>
    </message>
    <message>
        <source>{name} is tracked by lot: scan its GS1 code with the lot (10).</source>
        <translation>{name} wymaga partii: zeskanuj kod GS1 z partią (10).</translation>
    </message>
    <message>
        <source>NO LOT</source>
        <translation>BEZ PARTII</translation>
    </message>
    <message>
        <source>Scan the unit&apos;s serial code</source>
        <translation>Zeskanuj numer seryjny sztuki</translation>
    </message>
    <message>
        <source>{name} is tracked by serial: scan each unit&apos;s own code (21).</source>
        <translation>{name} wymaga numeru seryjnego: zeskanuj własny kod każdej sztuki (21).</translation>
    </message>
    <message>
        <source>NO SERIAL</source>
        <translation>BEZ NR SERYJNEGO</translation>
    </message>
    <message>
        <source>Scan each unit</source>
        <translation>Skanuj każdą sztukę</translation>
    </message>
    <message>
        <source>{name} is tracked by serial: this code counts {count} units — scan them one by one.</source>
        <translation>{name} wymaga numerów seryjnych: ten kod liczy {count} szt. — skanuj je po jednej.</translation>
    </message>
    <message>
        <source>PER UNIT</source>
        <translation>PO SZTUCE</translation>
    </message>
    <message>
        <source>“{text}”: {detail}. Nothing was counted.</source>
        <translation>„{text}”: {detail}. Nic nie policzono.</translation>
    </message>
    <message>
        <source>REJECTED</source>
        <translation>ODRZUCONY</translation>
    </message>
    <message>
        <source>SSCC</source>
        <translation>SSCC</translation>
    </message>
    <message>
        <source>Did the label come out?</source>
        <translation>Czy etykieta wyszła?</translation>
    </message>
    <message>
        <source>The printer stopped mid-label. Yes: scan CMD-LABEL-OK. No: CMD-LABEL-AGAIN.</source>
        <translation>Drukarka stanęła w połowie etykiety. Tak: zeskanuj CMD-LABEL-OK. Nie: CMD-LABEL-AGAIN.</translation>
    </message>
    <message>
        <source>Label of {number} not out yet</source>
        <translation>Etykieta {number} nie wyszła</translation>
    </message>
    <message>
        <source>Wait for it, press F12, or scan CMD-ASIDE.</source>
        <translation>Poczekaj, naciśnij F12 albo zeskanuj CMD-ASIDE.</translation>
    </message>
    <message>
        <source>No label to confirm</source>
        <translation>Nic do potwierdzenia</translation>
    </message>
    <message>
        <source>Nothing to set aside</source>
        <translation>Nie ma czego odłożyć</translation>
    </message>
    <message>
        <source>The label of {number} is out</source>
        <translation>Etykieta {number} wyszła</translation>
    </message>
    <message>
        <source>Label of {number} not printed</source>
        <translation>Brak etykiety {number}</translation>
    </message>
    <message>
        <source>{reason}. The box keeps waiting: try a bench whose printer works.</source>
        <translation>{reason}. Pudło dalej czeka: spróbuj na stanowisku z działającą drukarką.</translation>
    </message>
    <message>
        <source>Reprinted: {kind} of {number}</source>
        <translation>Ponownie: {kind}, {number}</translation>
    </message>
    <message>
        <source>{reason}</source>
        <translation>{reason}</translation>
    </message>
    <message>
        <source>Nothing to reprint</source>
        <translation>Nie ma czego drukować</translation>
    </message>
    <message>
        <source>Order {number} has no {kind} yet.</source>
        <translation>Zamówienie {number} nie ma jeszcze dokumentu: {kind}.</translation>
    </message>
    <message>
        <source>SCANNER {device} DISCONNECTED</source>
        <translation>SKANER {device} ODŁĄCZONY</translation>
    </message>
    <message>
        <source>Reconnecting by itself… Meanwhile use another scanner.</source>
        <translation>Sam łączy się ponownie… W tym czasie użyj innego skanera.</translation>
    </message>
    <message>
        <source>The scan it was sending (“{discarded}”) was dropped: scan that unit again. Reconnecting…</source>
        <translation>Skan, który właśnie wysyłał („{discarded}”), przepadł: zeskanuj tę sztukę jeszcze raz. Łączę ponownie…</translation>
    </message>
    <message>
        <source>SCANNER {device} NOT AVAILABLE</source>
        <translation>SKANER {device} NIEDOSTĘPNY</translation>
    </message>
    <message>
        <source>Scanner {device} is back</source>
        <translation>Skaner {device} wrócił</translation>
    </message>
    <message>
        <source>DEVICE NOT CONNECTED</source>
        <translation>URZĄDZENIE NIEPODŁĄCZONE</translation>
    </message>
    <message>
        <source>DEVICE NOT ALLOWED</source>
        <translation>BRAK DOSTĘPU</translation>
    </message>
    <message>
        <source>DEVICE IN USE</source>
        <translation>URZĄDZENIE ZAJĘTE</translation>
    </message>
    <message>
        <source>DEVICE PROBLEM</source>
        <translation>PROBLEM Z URZĄDZENIEM</translation>
    </message>
    <message>
        <source>Box {box} for parcel {parcel}</source>
        <translation>Pudło {box} dla paczki {parcel}</translation>
    </message>
    <message>
        <source>{size}, tare {tare} kg.</source>
        <translation>{size}, tara {tare} kg.</translation>
    </message>
    <message>
        <source>BOX</source>
        <translation>PUDŁO</translation>
    </message>
    <message>
        <source>No box {box}</source>
        <translation>Nie ma pudła {box}</translation>
    </message>
    <message>
        <source>Boxes: {boxes}.</source>
        <translation>Pudła: {boxes}.</translation>
    </message>
    <message>
        <source>Parcel {parcel} is empty</source>
        <translation>Paczka {parcel} jest pusta</translation>
    </message>
    <message>
        <source>Scan the units into it first.</source>
        <translation>Najpierw zeskanuj do niej sztuki.</translation>
    </message>
    <message>
        <source>No more parcels</source>
        <translation>Więcej paczek nie można</translation>
    </message>
    <message>
        <source>An order ships in {limit} parcels at most.</source>
        <translation>Najwięcej paczek na jedno zamówienie: {limit}.</translation>
    </message>
    <message>
        <source>Parcel {parcel} closed — {weight} kg</source>
        <translation>Paczka {parcel} zamknięta — {weight} kg</translation>
    </message>
    <message>
        <source>{units} unit(s) in box {box}. Next parcel.</source>
        <translation>Sztuk w pudle {box}: {units}. Następna paczka.</translation>
    </message>
    <message>
        <source>PARCEL</source>
        <translation>PACZKA</translation>
    </message>
    <message>
        <source>OVERRIDE</source>
        <translation>ZATWIERDZONE</translation>
    </message>
    <message>
        <source>Nothing to accept</source>
        <translation>Nie ma czego zatwierdzić</translation>
    </message>
    <message>
        <source>Parcel {parcel} has no wrong weight.</source>
        <translation>Paczka {parcel} nie ma złej wagi.</translation>
    </message>
    <message>
        <source>WEIGHT</source>
        <translation>WAGA</translation>
    </message>
    <message>
        <source>Station {station} ready</source>
        <translation>Stanowisko {station} gotowe</translation>
    </message>
    <message>
        <source>Supervisor badge scanned: type your PIN to open the panel.</source>
        <translation>Zeskanowano identyfikator kierownika: wpisz PIN, aby otworzyć panel.</translation>
    </message>
    <message>
        <source>Supervisor {name} at this bench</source>
        <translation>Kierownik: {name}</translation>
    </message>
    <message>
        <source>F11 opens the supervisor panel.</source>
        <translation>F11 otwiera panel kierownika.</translation>
    </message>
    <message>
        <source>Supervisor {name} left</source>
        <translation>Wylogowano: {name}</translation>
    </message>
    <message>
        <source>Wrong PIN</source>
        <translation>Zły PIN</translation>
    </message>
    <message>
        <source>{attempts_left} attempt(s) left before the badge locks.</source>
        <translation>Pozostałe próby przed zablokowaniem identyfikatora: {attempts_left}.</translation>
    </message>
    <message>
        <source>Badge of {name} is locked</source>
        <translation>Zablokowano: {name}</translation>
    </message>
    <message>
        <source>Too many wrong PINs: an admin must unlock it.</source>
        <translation>Za dużo błędnych PIN-ów: odblokować go musi administrator.</translation>
    </message>
    <message>
        <source>{name} is not a supervisor</source>
        <translation>{name}: nie kierownik</translation>
    </message>
    <message>
        <source>Scan a supervisor&apos;s badge first</source>
        <translation>Identyfikator kierownika!</translation>
    </message>
    <message>
        <source>No PIN typed</source>
        <translation>Nie wpisano PIN-u</translation>
    </message>
    <message>
        <source>Scan the supervisor&apos;s badge again when ready.</source>
        <translation>Gdy wszystko będzie gotowe, zeskanuj ponownie identyfikator kierownika.</translation>
    </message>
    <message>
        <source>No supervisor at this bench</source>
        <translation>Brak kierownika</translation>
    </message>
    <message>
        <source>A supervisor is needed</source>
        <translation>Potrzebny kierownik</translation>
    </message>
    <message>
        <source>Scan a supervisor&apos;s badge and type the PIN.</source>
        <translation>Zeskanuj identyfikator kierownika i wpisz PIN.</translation>
    </message>
    <message>
        <source>Scan your badge</source>
        <translation>Zeskanuj identyfikator</translation>
    </message>
    <message>
        <source>Nobody is logged in at this bench: nothing was counted.</source>
        <translation>Nikt nie jest zalogowany na tym stanowisku: nic nie policzono.</translation>
    </message>
    <message>
        <source>{name} was idle for {minutes} minute(s). Scan your badge.</source>
        <translation>{name}: brak aktywności przez {minutes} min. Zeskanuj identyfikator.</translation>
    </message>
    <message>
        <source>OK  {scanned} / {required} (by hand)</source>
        <translation>DOBRZE  {scanned} / {required} (ręcznie)</translation>
    </message>
    <message>
        <source>{name} ({sku}) confirmed by hand by {by}.</source>
        <translation>{name} ({sku}) potwierdzono ręcznie: {by}.</translation>
    </message>
    <message>
        <source>BY HAND</source>
        <translation>RĘCZNIE</translation>
    </message>
    <message>
        <source>{sku} is not on order {number}</source>
        <translation>{sku} nie z {number}</translation>
    </message>
    <message>
        <source>Nothing was counted.</source>
        <translation>Nic nie policzono.</translation>
    </message>
    <message>
        <source>{name}: all {required} counted</source>
        <translation>{name}: już {required} szt.</translation>
    </message>
    <message>
        <source>Nothing more to confirm by hand.</source>
        <translation>Nie ma już nic do ręcznego potwierdzenia.</translation>
    </message>
    <message>
        <source>{name} needs its code</source>
        <translation>{name}: potrzebny kod</translation>
    </message>
    <message>
        <source>It is tracked by {tracking}: scan or type its GS1 code.</source>
        <translation>Wymaga kodu GS1 ({tracking}): zeskanuj go lub wpisz.</translation>
    </message>
    <message>
        <source>Counted elsewhere meanwhile</source>
        <translation>Policzono w międzyczasie</translation>
    </message>
    <message>
        <source>Confirm {sku} again.</source>
        <translation>Potwierdź {sku} jeszcze raz.</translation>
    </message>
    <message>
        <source>Wrong unit accepted by {name}</source>
        <translation>Zatwierdzono: {name}</translation>
    </message>
    <message>
        <source>{remaining} wrong unit(s) still to take out.</source>
        <translation>Złych sztuk do wyjęcia: {remaining}.</translation>
    </message>
    <message>
        <source>Released by a supervisor.</source>
        <translation>Zwolnione przez kierownika.</translation>
    </message>
    <message>
        <source>Order {number} opened here</source>
        <translation>{number} otwarte tutaj</translation>
    </message>
    <message>
        <source>{scanned} of {required} units already scanned.</source>
        <translation>Już zeskanowano {scanned} z {required} szt.</translation>
    </message>
    <message>
        <source>Order {number} ships partially</source>
        <translation>Wysyłka częściowa {number}</translation>
    </message>
    <message>
        <source>Tracking {tracking}. {reason}</source>
        <translation>Nr przesyłki {tracking}. {reason}</translation>
    </message>
    <message>
        <source>Order {number} cancelled</source>
        <translation>{number} anulowane</translation>
    </message>
    <message>
        <source>Reason: {reason}; cost so far {cost}.</source>
        <translation>Powód: {reason}; koszt do tej pory {cost}.</translation>
    </message>
    <message>
        <source>Order {number} reopened</source>
        <translation>{number} otwarte ponownie</translation>
    </message>
    <message>
        <source>Its tracking number is void: a new label prints when it is finished again.</source>
        <translation>Jego numer przesyłki jest nieważny: nowa etykieta wydrukuje się po ponownym zakończeniu.</translation>
    </message>
    <message>
        <source>Order {number} is not on hold</source>
        <translation>{number}: nie wstrzymane</translation>
    </message>
    <message>
        <source>It is {status}.</source>
        <translation>Stan: {status}.</translation>
    </message>
    <message>
        <source>Order {number} is {status}</source>
        <translation>{number}: {status}</translation>
    </message>
    <message>
        <source>Only waiting orders can be expedited.</source>
        <translation>Przyspieszyć można tylko czekające zamówienia.</translation>
    </message>
    <message>
        <source>Only packed or shipped orders reopen.</source>
        <translation>Ponownie otworzyć można tylko zamówienia spakowane lub wysłane.</translation>
    </message>
    <message>
        <source>Give a reason</source>
        <translation>Podaj powód</translation>
    </message>
    <message>
        <source>Nothing of {number} is packed</source>
        <translation>{number}: nic w pudle</translation>
    </message>
    <message>
        <source>Cancel it instead.</source>
        <translation>Zamiast tego je anuluj.</translation>
    </message>
    <message>
        <source>Cancellation not accepted</source>
        <translation>Anulowanie odrzucone</translation>
    </message>
    <message>
        <source>{detail}</source>
        <translation>{detail}</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nowe</translation>
    </message>
    <message>
        <source>Packing</source>
        <translation>W pakowaniu</translation>
    </message>
    <message>
        <source>Packed</source>
        <translation>Spakowane</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Wysłane</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Doręczone</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>W archiwum</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Wstrzymane</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Anulowane</translation>
    </message>
    <message>
        <source>A unit is missing</source>
        <translation>Brakuje sztuki</translation>
    </message>
    <message>
        <source>A unit is damaged</source>
        <translation>Uszkodzona sztuka</translation>
    </message>
    <message>
        <source>Wrong address</source>
        <translation>Zły adres</translation>
    </message>
    <message>
        <source>Another reason</source>
        <translation>Inny powód</translation>
    </message>
    <message>
        <source>not on this order</source>
        <translation>nie z tego zamówienia</translation>
    </message>
    <message>
        <source>one too many</source>
        <translation>o jedną za dużo</translation>
    </message>
    <message>
        <source>unknown barcode</source>
        <translation>nieznany kod</translation>
    </message>
</context>
</TS>
