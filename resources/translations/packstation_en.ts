<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>CrashReporter</name>
    <message numerus="yes">
        <source>It happened %n time(s) since this message appeared.</source>
        <translation>
            <numerusform>It happened %n time since this message appeared.</numerusform>
            <numerusform>It happened %n times since this message appeared.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message numerus="yes">
        <source>Queue: %n order(s)</source>
        <translation>
            <numerusform>Queue: %n order</numerusform>
            <numerusform>Queue: %n orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to resume</source>
        <translation>
            <numerusform>%n waiting to resume</numerusform>
            <numerusform>%n waiting to resume</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message numerus="yes">
        <source>COMPLETE: %n unit(s)</source>
        <translation>
            <numerusform>COMPLETE: %n unit</numerusform>
            <numerusform>COMPLETE: %n units</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name}: this pack counts {quantity}, only %n more needed. Take it out, then scan REMOVED (F9).</source>
        <translation>
            <numerusform>{name}: this pack counts {quantity}, only %n more is needed. Take it out, then scan REMOVED (F9).</numerusform>
            <numerusform>{name}: this pack counts {quantity}, only %n more are needed. Take it out, then scan REMOVED (F9).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) long: not a barcode. Nothing was counted.</source>
        <translation>
            <numerusform>%n character long: not a barcode. Nothing was counted.</numerusform>
            <numerusform>%n characters long: not a barcode. Nothing was counted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resumed: {scanned} of %n unit(s) are in the box already. Carry on.</source>
        <translation>
            <numerusform>Resumed: {scanned} of %n unit is in the box already. Carry on.</numerusform>
            <numerusform>Resumed: {scanned} of %n units are in the box already. Carry on.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) missing. Scan {name}: {remaining} more.</source>
        <translation>
            <numerusform>%n unit missing. Scan {name}: {remaining} more.</numerusform>
            <numerusform>%n units missing. Scan {name}: {remaining} more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name} is out. Still %n wrong unit(s) in the box: next {next_name}.</source>
        <translation>
            <numerusform>{name} is out. Still %n wrong unit in the box: next {next_name}.</numerusform>
            <numerusform>{name} is out. Still %n wrong units in the box: next {next_name}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Scan: {name}  ·  bin {bin}  ·  %n left</source>
        <translation>
            <numerusform>Scan: {name}  ·  bin {bin}  ·  %n left</numerusform>
            <numerusform>Scan: {name}  ·  bin {bin}  ·  %n left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Scan: {name}  ·  %n left</source>
        <translation>
            <numerusform>Scan: {name}  ·  %n left</numerusform>
            <numerusform>Scan: {name}  ·  %n left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n in: scan FINISH (F12)</source>
        <translation>
            <numerusform>The %n unit is in: scan FINISH (F12)</numerusform>
            <numerusform>All %n in: scan FINISH (F12)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n in: finishing… Esc keeps the order open</source>
        <translation>
            <numerusform>The %n unit is in: finishing… Esc keeps the order open</numerusform>
            <numerusform>All %n in: finishing… Esc keeps the order open</numerusform>
        </translation>
    </message>
</context>
</TS>
