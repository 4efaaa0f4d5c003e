<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA">
<context>
    <name>AuditTrailDialog</name>
    <message>
        <source>Audit trail — order {number}</source>
        <translation>Історія подій — замовлення {number}</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Завантаження…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Коли</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Що</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Хто</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Робоче місце</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробиці</translation>
    </message>
    <message>
        <source>{count} entries, oldest first</source>
        <translation>Записів: {count}, від найстарішого</translation>
    </message>
    <message>
        <source>Status {old} → {new}</source>
        <translation>Стан {old} → {new}</translation>
    </message>
    <message>
        <source>Print job {job}: {old} → {new}</source>
        <translation>Завдання друку {job}: {old} → {new}</translation>
    </message>
    <message>
        <source>Wrong unit {code}: {how}</source>
        <translation>Зайва одиниця {code}: {how}</translation>
    </message>
    <message>
        <source>Supervisor: {action}</source>
        <translation>Керівник: {action}</translation>
    </message>
    <message>
        <source> (voided)</source>
        <translation> (анульовано)</translation>
    </message>
    <message>
        <source> by hand</source>
        <translation> вручну</translation>
    </message>
    <message>
        <source>Scan {raw}: {label}{manual}{voided}</source>
        <translation>Сканування {raw}: {label}{manual}{voided}</translation>
    </message>
    <message>
        <source>weight {kg} kg</source>
        <translation>вага {kg} кг</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <source>Cancel order {number}</source>
        <translation>Скасувати замовлення {number}</translation>
    </message>
    <message>
        <source>Customer&apos;s request</source>
        <translation>На прохання клієнта</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>Немає на складі</translation>
    </message>
    <message>
        <source>Address problem</source>
        <translation>Проблема з адресою</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Оплата</translation>
    </message>
    <message>
        <source>Shop&apos;s error</source>
        <translation>Помилка магазину</translation>
    </message>
    <message>
        <source>Other (say what)</source>
        <translation>Інше (вкажіть що)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Опис</translation>
    </message>
    <message>
        <source>Packaging</source>
        <translation>упаковка</translation>
    </message>
    <message>
        <source>Labour</source>
        <translation>робота</translation>
    </message>
    <message>
        <source>Postage</source>
        <translation>доставка</translation>
    </message>
    <message>
        <source>Cost: {what}</source>
        <translation>Витрати: {what}</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <source>Packstation: something went wrong</source>
        <translation>Packstation: щось пішло не так</translation>
    </message>
    <message>
        <source>Something went wrong inside Packstation.</source>
        <translation>У програмі Packstation сталася помилка.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
    <message>
        <source>The details are in the log file:
%1</source>
        <translation>Подробиці — у файлі журналу:
%1</translation>
    </message>
    <message>
        <source>The log file could not be written; the details went to the error output.</source>
        <translation>Не вдалося записати файл журналу; подробиці виведено в потік помилок.</translation>
    </message>
    <message>
        <source>The open order and every scan already confirmed are safe. If the bench stops answering, close Packstation and start it again: the order opens where it stopped.</source>
        <translation>Відкрите замовлення і кожне вже підтверджене сканування збережено. Якщо робоче місце перестане відповідати, закрийте Packstation і запустіть знову: замовлення відкриється там, де зупинилося.</translation>
    </message>
    <message>
        <source>What happened: %1</source>
        <translation>Що сталося: %1</translation>
    </message>
    <message numerus="yes">
        <source>It happened %n time(s) since this message appeared.</source>
        <translation>
            <numerusform>Це сталося %n раз відтоді, як з&apos;явилося це повідомлення.</numerusform>
            <numerusform>Це сталося %n рази відтоді, як з&apos;явилося це повідомлення.</numerusform>
            <numerusform>Це сталося %n разів відтоді, як з&apos;явилося це повідомлення.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Packer: {name}</source>
        <translation>Пакує: {name}</translation>
    </message>
    <message>
        <source>Nobody: scan your badge</source>
        <translation>Ніхто: відскануйте бейдж</translation>
    </message>
    <message>
        <source>Station {station} · database {where}</source>
        <translation>Робоче місце {station} · база {where}</translation>
    </message>
    <message>
        <source>DATABASE AWAY: {where}</source>
        <translation>НЕМАЄ БАЗИ ДАНИХ: {where}</translation>
    </message>
    <message>
        <source>Filter: number, customer, city</source>
        <translation>Пошук: номер, клієнт, місто</translation>
    </message>
    <message>
        <source>Queue
F2</source>
        <translation>Черга
F2</translation>
    </message>
    <message>
        <source>Next order
F6</source>
        <translation>Наступне
F6</translation>
    </message>
    <message>
        <source>Give back
F7</source>
        <translation>Повернути
F7</translation>
    </message>
    <message>
        <source>Hold…
F8</source>
        <translation>Відкласти…
F8</translation>
    </message>
    <message>
        <source>Taken out
F9</source>
        <translation>Вийнято
F9</translation>
    </message>
    <message>
        <source>Undo
Esc</source>
        <translation>Скасувати
Esc</translation>
    </message>
    <message>
        <source>Finish
F12</source>
        <translation>Завершити
F12</translation>
    </message>
</context>
<context>
    <name>ManualDialog</name>
    <message>
        <source>Confirm a unit by hand — {number}</source>
        <translation>Підтвердити одиницю вручну — {number}</translation>
    </message>
    <message>
        <source>The unit&apos;s barcode will not scan (torn, missing, unreadable). Which line is it?</source>
        <translation>Штрихкод одиниці не сканується (порваний, відсутній, нечитабельний). Яка це позиція?</translation>
    </message>
</context>
<context>
    <name>MismatchReportWindow</name>
    <message>
        <source>Mismatch report</source>
        <translation>Звіт про невідповідності</translation>
    </message>
    <message>
        <source>SKU confirmed by hand</source>
        <translation>SKU, підтверджені вручну</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Шт.</translation>
    </message>
    <message>
        <source>station</source>
        <translation>робоче місце</translation>
    </message>
    <message>
        <source>packer</source>
        <translation>пакувальник</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>every kind</source>
        <translation>усі види</translation>
    </message>
    <message>
        <source>every mismatch</source>
        <translation>усі невідповідності</translation>
    </message>
    <message>
        <source>grouped by {what}</source>
        <translation>групування: {what}</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показати</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Експорт CSV…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Експорт PDF…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Від</translation>
    </message>
    <message>
        <source>to</source>
        <translation>до</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Завантаження…</translation>
    </message>
    <message>
        <source>{count} mismatch(es)</source>
        <translation>Невідповідностей: {count}</translation>
    </message>
    <message>
        <source>bad barcodes (confirmed by hand again and again): {skus}</source>
        <translation>погані штрихкоди (раз у раз підтверджувані вручну): {skus}</translation>
    </message>
    <message>
        <source>Mismatches per day</source>
        <translation>Невідповідності за днями</translation>
    </message>
    <message>
        <source>mismatches</source>
        <translation>невідповідності</translation>
    </message>
    <message>
        <source>Mismatches per packer</source>
        <translation>Невідповідності за пакувальниками</translation>
    </message>
    <message>
        <source>Top SKUs</source>
        <translation>Найчастіші SKU</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Час</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Робоче місце</translation>
    </message>
    <message>
        <source>Packer</source>
        <translation>Пакувальник</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Замовлення</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Очікувалося</translation>
    </message>
    <message>
        <source>Scanned</source>
        <translation>Відскановано</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Вирішення</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Хто</translation>
    </message>
    <message>
        <source>BAD BARCODE</source>
        <translation>ПОГАНИЙ ШТРИХКОД</translation>
    </message>
    <message>
        <source>Export the mismatch report</source>
        <translation>Експортувати звіт про невідповідності</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Експортовано: {path}</translation>
    </message>
</context>
<context>
    <name>OrderSide</name>
    <message>
        <source>Last scans</source>
        <translation>Останні сканування</translation>
    </message>
    <message>
        <source>In the box: {scanned} / {required}</source>
        <translation>У коробці: {scanned} / {required}</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>Немає фото</translation>
    </message>
</context>
<context>
    <name>OrderView</name>
    <message>
        <source>No order open</source>
        <translation>Немає відкритого замовлення</translation>
    </message>
    <message>
        <source>NEW ORDER {number}: new box</source>
        <translation>НОВЕ ЗАМОВЛЕННЯ {number}: нова коробка</translation>
    </message>
    <message>
        <source>CASH ON DELIVERY {amount} {currency}</source>
        <translation>НАКЛАДЕНИЙ ПЛАТІЖ {amount} {currency}</translation>
    </message>
    <message>
        <source>NOTE: {note}</source>
        <translation>ПРИМІТКА: {note}</translation>
    </message>
    <message>
        <source>STOP: ORDER CANCELLED</source>
        <translation>СТОП: ЗАМОВЛЕННЯ СКАСОВАНО</translation>
    </message>
    <message>
        <source>The shop cancelled order {number}. Do not ship it: unpack the box.</source>
        <translation>Магазин скасував замовлення {number}. Не відправляйте його: розпакуйте коробку.</translation>
    </message>
    <message>
        <source>STOP: ORDER CHANGED</source>
        <translation>СТОП: ЗМІНА ЗАМОВЛЕННЯ</translation>
    </message>
    <message>
        <source>The shop changed this order: {changes}</source>
        <translation>Магазин змінив це замовлення: {changes}</translation>
    </message>
    <message>
        <source>Scan OK (CMD-OK) when the box is right</source>
        <translation>Відскануйте CMD-OK, коли коробка в порядку</translation>
    </message>
    <message>
        <source>Why put {number} on hold?</source>
        <translation>Чому відкласти {number}?</translation>
    </message>
    <message>
        <source>Or scan a reason barcode. Esc: keep packing.</source>
        <translation>Або відскануйте код причини. Esc: пакувати далі.</translation>
    </message>
</context>
<context>
    <name>PackerStatsWindow</name>
    <message>
        <source>Packer statistics</source>
        <translation>Статистика пакувальників</translation>
    </message>
    <message>
        <source>station</source>
        <translation>робоче місце</translation>
    </message>
    <message>
        <source>packer</source>
        <translation>пакувальник</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>за днями</translation>
    </message>
    <message>
        <source>per shift</source>
        <translation>за змінами</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показати</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Експорт CSV…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Експорт PDF…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Від</translation>
    </message>
    <message>
        <source>to</source>
        <translation>до</translation>
    </message>
    <message>
        <source>Time per order = opening to finishing minus time on hold; orders and units per hour over that time; mismatch rate = mismatched scans ÷ all scans. Single-item and multi-item orders apart.</source>
        <translation>Час на замовлення = від відкриття до завершення мінус час у відкладенні; замовлення й одиниці за годину — за цей час; частка невідповідностей = невідповідні сканування ÷ усі сканування. Замовлення з однією та з кількома одиницями — окремо.</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Завантаження…</translation>
    </message>
    <message>
        <source>{count} row(s), per {grouping}, time zone {zone}</source>
        <translation>Рядків: {count}, період: {grouping}, часовий пояс {zone}</translation>
    </message>
    <message>
        <source>Packer</source>
        <translation>Пакувальник</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Період</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Замовлення</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Одиниці</translation>
    </message>
    <message>
        <source>Orders/h</source>
        <translation>Замовлень/год</translation>
    </message>
    <message>
        <source>Units/h</source>
        <translation>Одиниць/год</translation>
    </message>
    <message>
        <source>Median time per order</source>
        <translation>Медіана часу на замовлення</translation>
    </message>
    <message>
        <source>Mismatch rate</source>
        <translation>Частка невідповідностей</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>Сканування</translation>
    </message>
    <message>
        <source>single-item</source>
        <translation>одна одиниця</translation>
    </message>
    <message>
        <source>multi-item</source>
        <translation>кілька одиниць</translation>
    </message>
    <message>
        <source>Orders per hour</source>
        <translation>Замовлень за годину</translation>
    </message>
    <message>
        <source>Export the packer statistics</source>
        <translation>Експортувати статистику пакувальників</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Експортовано: {path}</translation>
    </message>
</context>
<context>
    <name>PickList</name>
    <message>
        <source>Bin</source>
        <translation>Комірка</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>In the box</source>
        <translation>У коробці</translation>
    </message>
    <message>
        <source>take out</source>
        <translation>вийняти</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Supervisor PIN</source>
        <translation>PIN керівника</translation>
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
        <translation>Номер</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клієнт</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Місто</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Шт.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>Waiting and packing</source>
        <translation>Очікують і пакуються</translation>
    </message>
    <message>
        <source>Every order</source>
        <translation>Усі замовлення</translation>
    </message>
    <message>
        <source>{status} · bench silent, {scanned}/{units} in</source>
        <translation>{status} · робоче місце мовчить, {scanned}/{units} у коробці</translation>
    </message>
    <message>
        <source>{status}, expedited</source>
        <translation>{status}, пришвидшено</translation>
    </message>
    <message numerus="yes">
        <source>Queue: %n order(s)</source>
        <translation>
            <numerusform>Черга: %n замовлення</numerusform>
            <numerusform>Черга: %n замовлення</numerusform>
            <numerusform>Черга: %n замовлень</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to resume</source>
        <translation>
            <numerusform>%n чекає на відновлення</numerusform>
            <numerusform>%n чекають на відновлення</numerusform>
            <numerusform>%n чекають на відновлення</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SerialScanners</name>
    <message>
        <source>connected</source>
        <translation>підключено</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>підключення…</translation>
    </message>
    <message>
        <source>DISCONNECTED</source>
        <translation>ВІДКЛЮЧЕНО</translation>
    </message>
    <message>
        <source>Scanners: {states}</source>
        <translation>Сканери: {states}</translation>
    </message>
</context>
<context>
    <name>SupervisorPanel</name>
    <message>
        <source>Supervisor</source>
        <translation>Керівник</translation>
    </message>
    <message>
        <source>Scan your supervisor badge, then type your PIN.</source>
        <translation>Відскануйте свій бейдж керівника, потім введіть PIN.</translation>
    </message>
    <message>
        <source>Held orders</source>
        <translation>Відкладені замовлення</translation>
    </message>
    <message>
        <source>Any order</source>
        <translation>Будь-яке замовлення</translation>
    </message>
    <message>
        <source>This bench</source>
        <translation>Це робоче місце</translation>
    </message>
    <message>
        <source>Mismatch report…</source>
        <translation>Звіт про невідповідності…</translation>
    </message>
    <message>
        <source>Packer statistics…</source>
        <translation>Статистика пакувальників…</translation>
    </message>
    <message>
        <source>Done (supervisor leaves)</source>
        <translation>Готово (керівник виходить)</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Замовлення</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клієнт</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Місто</translation>
    </message>
    <message>
        <source>Packed</source>
        <translation>Запаковано</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>Хто відклав</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Робоче місце</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Відколи</translation>
    </message>
    <message>
        <source>Back to the queue</source>
        <translation>Назад у чергу</translation>
    </message>
    <message>
        <source>Pack here now</source>
        <translation>Пакувати тут зараз</translation>
    </message>
    <message>
        <source>Ship without the missing units…</source>
        <translation>Відправити без відсутніх одиниць…</translation>
    </message>
    <message>
        <source>Cancel…</source>
        <translation>Скасувати…</translation>
    </message>
    <message>
        <source>Audit trail…</source>
        <translation>Історія подій…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Оновити</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Номер замовлення</translation>
    </message>
    <message>
        <source>Expedite (front of the queue)</source>
        <translation>Пришвидшити (на початок черги)</translation>
    </message>
    <message>
        <source>Back to its place in the queue</source>
        <translation>Назад на своє місце в черзі</translation>
    </message>
    <message>
        <source>Reopen (finished by mistake)…</source>
        <translation>Відкрити знову (завершено помилково)…</translation>
    </message>
    <message>
        <source>For the order open at this bench, when the packer cannot clear it:</source>
        <translation>Для замовлення, відкритого на цьому робочому місці, коли пакувальник не може сам розв&apos;язати проблему:</translation>
    </message>
    <message>
        <source>Accept the oldest wrong unit (it stays in the box)…</source>
        <translation>Підтвердити найстарішу зайву одиницю (вона залишається в коробці)…</translation>
    </message>
    <message>
        <source>Accept the weight the scale gave…</source>
        <translation>Затвердити вагу, яку показали ваги…</translation>
    </message>
    <message>
        <source>Supervisor: &lt;b&gt;{name}&lt;/b&gt; · packer: {packer}</source>
        <translation>Керівник: &lt;b&gt;{name}&lt;/b&gt; · пакувальник: {packer}</translation>
    </message>
    <message>
        <source>Why may {number} ship without the missing units?</source>
        <translation>Чому {number} можна відправити без відсутніх одиниць?</translation>
    </message>
    <message>
        <source>Partial shipment</source>
        <translation>Часткова відправка</translation>
    </message>
    <message>
        <source>Why reopen {number}? Its tracking number will be void.</source>
        <translation>Чому знову відкрити {number}? Його трек-номер стане недійсним.</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Відкрити знову</translation>
    </message>
    <message>
        <source>Accept a wrong unit</source>
        <translation>Підтвердити зайву одиницю</translation>
    </message>
    <message>
        <source>Why may it stay in the box?</source>
        <translation>Чому вона може залишитися в коробці?</translation>
    </message>
    <message>
        <source>Accept the weight</source>
        <translation>Затвердити вагу</translation>
    </message>
    <message>
        <source>Why is the weight right?</source>
        <translation>Чому вага правильна?</translation>
    </message>
</context>
<context>
    <name>SupervisorTools</name>
    <message>
        <source>Supervisor panel</source>
        <translation>Панель керівника</translation>
    </message>
    <message>
        <source>Confirm a unit by hand</source>
        <translation>Підтвердити одиницю вручну</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Scan a packing slip</source>
        <translation>Скануйте замовлення</translation>
    </message>
    <message>
        <source>or press F6 for the next order in the queue</source>
        <translation>або натисніть F6: наступне замовлення з черги</translation>
    </message>
    <message>
        <source>OK  +{quantity}  ·  {scanned} / {required}</source>
        <translation>ДОБРЕ  +{quantity}  ·  {scanned} / {required}</translation>
    </message>
    <message>
        <source>{name}</source>
        <translation>{name}</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>ДОБРЕ</translation>
    </message>
    <message numerus="yes">
        <source>COMPLETE: %n unit(s)</source>
        <translation>
            <numerusform>КОМПЛЕКТ: %n одиниця</numerusform>
            <numerusform>КОМПЛЕКТ: %n одиниці</numerusform>
            <numerusform>КОМПЛЕКТ: %n одиниць</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} was the last one. Scan FINISH (F12).</source>
        <translation>{name} — остання одиниця. Відскануйте CMD-FINISH (F12).</translation>
    </message>
    <message>
        <source>{name} was the last one. Finishing now: Esc or UNDO keeps the order open.</source>
        <translation>{name} — остання одиниця. Зараз завершую: Esc або CMD-UNDO залишає замовлення відкритим.</translation>
    </message>
    <message>
        <source>WRONG ITEM</source>
        <translation>НЕ ТОЙ ТОВАР</translation>
    </message>
    <message>
        <source>{name} is not on this order. Take it out, then scan REMOVED (F9).</source>
        <translation>{name} немає в цьому замовленні. Вийміть, потім відскануйте CMD-REMOVED (F9).</translation>
    </message>
    <message>
        <source>TOO MANY</source>
        <translation>ЗАБАГАТО</translation>
    </message>
    <message>
        <source>{name}: all {required} are in the box already. Take one out, then scan REMOVED (F9).</source>
        <translation>{name}: усі {required} вже в коробці. Вийміть одну, потім відскануйте CMD-REMOVED (F9).</translation>
    </message>
    <message numerus="yes">
        <source>{name}: this pack counts {quantity}, only %n more needed. Take it out, then scan REMOVED (F9).</source>
        <translation>
            <numerusform>{name}: ця упаковка — це {quantity}, а потрібна ще лише %n одиниця. Вийміть її, потім відскануйте CMD-REMOVED (F9).</numerusform>
            <numerusform>{name}: ця упаковка — це {quantity}, а потрібні ще лише %n одиниці. Вийміть її, потім відскануйте CMD-REMOVED (F9).</numerusform>
            <numerusform>{name}: ця упаковка — це {quantity}, а потрібно ще лише %n одиниць. Вийміть її, потім відскануйте CMD-REMOVED (F9).</numerusform>
        </translation>
    </message>
    <message>
        <source>UNKNOWN BARCODE</source>
        <translation>НЕВІДОМИЙ КОД</translation>
    </message>
    <message>
        <source>{barcode} is no product we know. Take it out, then scan REMOVED (F9).</source>
        <translation>{barcode} — невідомий товар. Вийміть його, потім відскануйте CMD-REMOVED (F9).</translation>
    </message>
    <message>
        <source>UNKNOWN</source>
        <translation>НЕВІДОМИЙ</translation>
    </message>
    <message>
        <source>No order open</source>
        <translation>Немає відкритого замовлення</translation>
    </message>
    <message>
        <source>{name}: scan the order&apos;s packing slip first.</source>
        <translation>{name}: спершу відскануйте пакувальний лист замовлення.</translation>
    </message>
    <message>
        <source>NO ORDER</source>
        <translation>БЕЗ ЗАМОВЛЕННЯ</translation>
    </message>
    <message>
        <source>Unknown barcode</source>
        <translation>Невідомий код</translation>
    </message>
    <message>
        <source>{barcode} is no order, product or badge.</source>
        <translation>{barcode} — не замовлення, не товар і не бейдж.</translation>
    </message>
    <message>
        <source>Scan refused</source>
        <translation>Сканування відхилено</translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) long: not a barcode. Nothing was counted.</source>
        <translation>
            <numerusform>%n символ: це не штрихкод. Нічого не зараховано.</numerusform>
            <numerusform>%n символи: це не штрихкод. Нічого не зараховано.</numerusform>
            <numerusform>%n символів: це не штрихкод. Нічого не зараховано.</numerusform>
        </translation>
    </message>
    <message>
        <source>REFUSED</source>
        <translation>ВІДХИЛЕНО</translation>
    </message>
    <message>
        <source>“{text}” holds control characters: check the scanner&apos;s set-up. Nothing was counted.</source>
        <translation>«{text}» містить керівні символи: перевірте налаштування сканера. Нічого не зараховано.</translation>
    </message>
    <message>
        <source>“{text}”: the scanner sent bytes that are no text. Check its set-up. Nothing was counted.</source>
        <translation>«{text}»: сканер надіслав байти, що не є текстом. Перевірте його налаштування. Нічого не зараховано.</translation>
    </message>
    <message>
        <source>Empty scan</source>
        <translation>Порожнє сканування</translation>
    </message>
    <message>
        <source>The scanner sent only a terminator or blanks.</source>
        <translation>Сканер надіслав лише символ завершення або пробіли.</translation>
    </message>
    <message>
        <source>EMPTY</source>
        <translation>ПОРОЖНЄ</translation>
    </message>
    <message>
        <source>UNDONE</source>
        <translation>СКАСОВАНО</translation>
    </message>
    <message>
        <source>{name} no longer counts: take it back out of the box. Now {scanned} / {required}.</source>
        <translation>{name} більше не зараховано: вийміть з коробки. Тепер {scanned} / {required}.</translation>
    </message>
    <message>
        <source>The scan of {name} is cancelled: it needs no REMOVED any more.</source>
        <translation>Сканування {name} скасовано: CMD-REMOVED більше не потрібен.</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Немає що скасовувати</translation>
    </message>
    <message>
        <source>{number} has no scan to take back.</source>
        <translation>У {number} немає сканування, яке можна скасувати.</translation>
    </message>
    <message>
        <source>KEPT OPEN</source>
        <translation>ЗАЛИШЕНО ВІДКРИТИМ</translation>
    </message>
    <message>
        <source>{number} stays open. Check the box, then scan FINISH (F12).</source>
        <translation>{number} залишається відкритим. Перевірте коробку, потім відскануйте CMD-FINISH (F12).</translation>
    </message>
    <message>
        <source>HOLD: WHY?</source>
        <translation>ВІДКЛАСТИ: ЧОМУ?</translation>
    </message>
    <message>
        <source>Scan a reason barcode or press 1 to 4 for {number}. Esc: keep packing.</source>
        <translation>Відскануйте код причини або натисніть 1–4 для {number}. Esc: пакувати далі.</translation>
    </message>
    <message>
        <source>NEW ORDER {number}</source>
        <translation>НОВЕ ЗАМОВЛЕННЯ {number}</translation>
    </message>
    <message>
        <source>Take a new box and scan every unit.</source>
        <translation>Візьміть нову коробку і відскануйте кожну одиницю.</translation>
    </message>
    <message>
        <source>OPENED</source>
        <translation>ВІДКРИТО</translation>
    </message>
    <message>
        <source>ORDER {number}</source>
        <translation>ЗАМОВЛЕННЯ {number}</translation>
    </message>
    <message numerus="yes">
        <source>Resumed: {scanned} of %n unit(s) are in the box already. Carry on.</source>
        <translation>
            <numerusform>Відновлено: {scanned} з %n одиниці вже в коробці. Пакуйте далі.</numerusform>
            <numerusform>Відновлено: {scanned} з %n одиниць вже в коробці. Пакуйте далі.</numerusform>
            <numerusform>Відновлено: {scanned} з %n одиниць вже в коробці. Пакуйте далі.</numerusform>
        </translation>
    </message>
    <message>
        <source>Already open</source>
        <translation>Вже відкрито</translation>
    </message>
    <message>
        <source>Order {number} is open here already.</source>
        <translation>Замовлення {number} вже відкрито тут.</translation>
    </message>
    <message>
        <source>Finish {number} first</source>
        <translation>Спершу завершіть {number}</translation>
    </message>
    <message>
        <source>It has scans already: finish it or put it on hold before opening {requested}.</source>
        <translation>Воно вже має сканування: завершіть або відкладіть його, перш ніж відкрити {requested}.</translation>
    </message>
    <message>
        <source>No such order</source>
        <translation>Немає такого замовлення</translation>
    </message>
    <message>
        <source>There is no order {number}.</source>
        <translation>Замовлення {number} не існує.</translation>
    </message>
    <message>
        <source>Cannot be packed</source>
        <translation>Не можна пакувати</translation>
    </message>
    <message>
        <source>Order {number} is {status}.</source>
        <translation>Замовлення {number}: {status}.</translation>
    </message>
    <message>
        <source>Open elsewhere</source>
        <translation>Відкрито деінде</translation>
    </message>
    <message>
        <source>Order {number} is being packed at {station}.</source>
        <translation>Замовлення {number} пакується на робочому місці {station}.</translation>
    </message>
    <message>
        <source>Back in the queue</source>
        <translation>Знову в черзі</translation>
    </message>
    <message>
        <source>Order {number} waits in the queue again.</source>
        <translation>Замовлення {number} знову чекає в черзі.</translation>
    </message>
    <message>
        <source>ON HOLD</source>
        <translation>ВІДКЛАДЕНО</translation>
    </message>
    <message>
        <source>Order {number}: {reason}. A supervisor will look at it.</source>
        <translation>Замовлення {number}: {reason}. Керівник розгляне його.</translation>
    </message>
    <message>
        <source>LABEL PRINTED</source>
        <translation>ЕТИКЕТКА ГОТОВА</translation>
    </message>
    <message>
        <source>Stick it on the box of {number} (tracking {tracking}). Then a NEW box for {next}.</source>
        <translation>Наклейте її на коробку {number} (трек-номер {tracking}). Потім НОВА коробка для {next}.</translation>
    </message>
    <message>
        <source>Stick it on the box of {number} (tracking {tracking}).</source>
        <translation>Наклейте її на коробку {number} (трек-номер {tracking}).</translation>
    </message>
    <message>
        <source>STOP: CANCELLED</source>
        <translation>СТОП: СКАСОВАНО</translation>
    </message>
    <message>
        <source>The shop cancelled {number}. Do not ship it: unpack the box, then scan OK.</source>
        <translation>Магазин скасував {number}. Не відправляйте: розпакуйте коробку, потім відскануйте CMD-OK.</translation>
    </message>
    <message>
        <source>STOP: ORDER CHANGED</source>
        <translation>СТОП: ЗМІНА ЗАМОВЛЕННЯ</translation>
    </message>
    <message>
        <source>The shop changed this order: {changes}. Check the box, then scan OK.</source>
        <translation>Магазин змінив це замовлення: {changes}. Перевірте коробку, потім відскануйте CMD-OK.</translation>
    </message>
    <message>
        <source>Change noted</source>
        <translation>Зміну прийнято</translation>
    </message>
    <message>
        <source>Carry on packing {number}.</source>
        <translation>Пакуйте далі {number}.</translation>
    </message>
    <message>
        <source>Cancellation noted</source>
        <translation>Скасування прийнято</translation>
    </message>
    <message>
        <source>{number}: put its units back. Scan the next slip or press F6.</source>
        <translation>{number}: поверніть одиниці на місце. Відскануйте наступний лист або натисніть F6.</translation>
    </message>
    <message>
        <source>NOT YOURS ANY MORE</source>
        <translation>ВЖЕ НЕ ВАШЕ</translation>
    </message>
    <message>
        <source>Order {number} is {status} now. Put the box aside.</source>
        <translation>Замовлення {number} тепер: {status}. Відкладіть коробку.</translation>
    </message>
    <message>
        <source>NOT FINISHED</source>
        <translation>НЕ ЗАВЕРШЕНО</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) missing. Scan {name}: {remaining} more.</source>
        <translation>
            <numerusform>Бракує %n одиниці. Відскануйте: {name}, ще {remaining}.</numerusform>
            <numerusform>Бракує %n одиниць. Відскануйте: {name}, ще {remaining}.</numerusform>
            <numerusform>Бракує %n одиниць. Відскануйте: {name}, ще {remaining}.</numerusform>
        </translation>
    </message>
    <message>
        <source>A wrong unit is in the box: take out {remove_name}, then scan REMOVED (F9).</source>
        <translation>У коробці зайва одиниця: вийміть {remove_name}, потім відскануйте CMD-REMOVED (F9).</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>Не дозволено</translation>
    </message>
    <message>
        <source>An order cannot go from {current} to {target}.</source>
        <translation>Замовлення не може перейти зі стану {current} у {target}.</translation>
    </message>
    <message>
        <source>TAKEN OUT</source>
        <translation>ВИЙНЯТО</translation>
    </message>
    <message>
        <source>{name} is out. Nothing wrong is left in the box.</source>
        <translation>{name} вийнято. У коробці більше немає нічого зайвого.</translation>
    </message>
    <message>
        <source>REMOVED</source>
        <translation>ВИЙНЯТО</translation>
    </message>
    <message>
        <source>{name} is out and the box is right: finishing now. Esc or UNDO keeps it open.</source>
        <translation>{name} вийнято, коробка в порядку: зараз завершую. Esc або CMD-UNDO залишає замовлення відкритим.</translation>
    </message>
    <message numerus="yes">
        <source>{name} is out. Still %n wrong unit(s) in the box: next {next_name}.</source>
        <translation>
            <numerusform>{name} вийнято. У коробці ще %n зайва одиниця, наступна: {next_name}.</numerusform>
            <numerusform>{name} вийнято. У коробці ще %n зайві одиниці, наступна: {next_name}.</numerusform>
            <numerusform>{name} вийнято. У коробці ще %n зайвих одиниць, наступна: {next_name}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to take out</source>
        <translation>Нічого виймати</translation>
    </message>
    <message>
        <source>No wrong unit waits to be removed.</source>
        <translation>Жодна зайва одиниця не чекає на вилучення.</translation>
    </message>
    <message>
        <source>Hello, {name}</source>
        <translation>Вітаємо, {name}</translation>
    </message>
    <message>
        <source>Your scans are recorded under your name.</source>
        <translation>Ваші сканування записуються на ваше ім&apos;я.</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>Вихід виконано</translation>
    </message>
    <message>
        <source>Scans are recorded under the station&apos;s name.</source>
        <translation>Сканування записуються на робоче місце.</translation>
    </message>
    <message>
        <source>Unknown badge</source>
        <translation>Невідомий бейдж</translation>
    </message>
    <message>
        <source>{badge} is no packer&apos;s badge.</source>
        <translation>{badge} — не бейдж пакувальника.</translation>
    </message>
    <message>
        <source>Scan an order&apos;s packing slip first.</source>
        <translation>Спершу відскануйте пакувальний лист замовлення.</translation>
    </message>
    <message>
        <source>Unknown command</source>
        <translation>Невідома команда</translation>
    </message>
    <message>
        <source>CMD-{name} is no Packstation command barcode.</source>
        <translation>CMD-{name} — не командний код Packstation.</translation>
    </message>
    <message>
        <source>NO PRINTER</source>
        <translation>НЕМАЄ ПРИНТЕРА</translation>
    </message>
    <message>
        <source>No printer is set up: nothing was printed or shipped.</source>
        <translation>Принтер не налаштовано: нічого не надруковано й не відправлено.</translation>
    </message>
    <message>
        <source>PRINTER PROBLEM</source>
        <translation>ПРОБЛЕМА З ПРИНТЕРОМ</translation>
    </message>
    <message>
        <source>Nothing was shipped: {reason}</source>
        <translation>Нічого не відправлено: {reason}</translation>
    </message>
    <message>
        <source>DATABASE AWAY</source>
        <translation>НЕМАЄ БАЗИ ДАНИХ</translation>
    </message>
    <message>
        <source>The scan was NOT counted. Reconnecting… scan the unit again when this turns back.</source>
        <translation>Сканування НЕ зараховано. Перепідключення… відскануйте одиницю ще раз, коли це зникне.</translation>
    </message>
    <message>
        <source>Database back</source>
        <translation>База даних знову доступна</translation>
    </message>
    <message>
        <source>Scanning works again.</source>
        <translation>Сканування знову працює.</translation>
    </message>
    <message>
        <source>Queue empty</source>
        <translation>Черга порожня</translation>
    </message>
    <message>
        <source>No order waits to be packed.</source>
        <translation>Жодне замовлення не чекає на пакування.</translation>
    </message>
    <message>
        <source>SYSTEM PROBLEM</source>
        <translation>ПРОБЛЕМА СИСТЕМИ</translation>
    </message>
    <message>
        <source>Nothing was shipped: {error} {path}. Call a supervisor.</source>
        <translation>Нічого не відправлено: {error} {path}. Покличте керівника.</translation>
    </message>
    <message>
        <source>SOFTWARE ERROR</source>
        <translation>ПОМИЛКА ПРОГРАМИ</translation>
    </message>
    <message>
        <source>Call a supervisor: {error}</source>
        <translation>Покличте керівника: {error}</translation>
    </message>
    <message>
        <source>LABEL PROBLEM</source>
        <translation>ПРОБЛЕМА З ЕТИКЕТКОЮ</translation>
    </message>
    <message>
        <source>The label cannot be printed: {detail}</source>
        <translation>Неможливо надрукувати етикетку: {detail}</translation>
    </message>
    <message>
        <source>Scan a packing slip, or F6 for the next order</source>
        <translation>Скануйте замовлення або F6: наступне</translation>
    </message>
    <message>
        <source>Stick the label on {number}; new box for {next}</source>
        <translation>Наклейте етикетку на {number}; нова коробка: {next}</translation>
    </message>
    <message>
        <source>GS1 CODE DAMAGED</source>
        <translation>ПОШКОДЖЕНИЙ КОД GS1</translation>
    </message>
    <message>
        <source>SSCC SHIPPING LABEL</source>
        <translation>ЕТИКЕТКА SSCC</translation>
    </message>
    <message>
        <source>SSCC {sscc}: not a product, nothing was counted.</source>
        <translation>SSCC {sscc}: це не товар, нічого не зараховано.</translation>
    </message>
    <message>
        <source>LABEL NOT PRINTED</source>
        <translation>ЕТИКЕТКА НЕ ВИЙШЛА</translation>
    </message>
    <message>
        <source>The box stays here. Attempt {attempts}: {reason}. Retrying in {retry_in} s. F12 retries now; CMD-ASIDE sets the box aside.</source>
        <translation>Коробка залишається тут. Спроба {attempts}: {reason}. Повтор через {retry_in} с. F12: повторити зараз; CMD-ASIDE: відкласти коробку.</translation>
    </message>
    <message>
        <source>LABEL PRINTER DOWN</source>
        <translation>ПРИНТЕР НЕ ДРУКУЄ</translation>
    </message>
    <message>
        <source>{reason}. Set the box aside (CMD-ASIDE), or fix the printer and press F12.</source>
        <translation>{reason}. Відкладіть коробку (CMD-ASIDE) або полагодьте принтер і натисніть F12.</translation>
    </message>
    <message>
        <source>Reprint failed: {number}</source>
        <translation>Не надруковано: {number}</translation>
    </message>
    <message>
        <source>{number} not packed yet</source>
        <translation>{number} ще не запаковано</translation>
    </message>
    <message>
        <source>Label needs another printer</source>
        <translation>Потрібен інший принтер</translation>
    </message>
    <message>
        <source>{number}: the label is {format}, and the label printer {printer} takes another format. Pack it at a bench whose printer takes it.</source>
        <translation>{number}: етикетка у форматі {format}, а принтер етикеток {printer} приймає інший формат. Пакуйте на робочому місці, де принтер його приймає.</translation>
    </message>
    <message>
        <source>BOX SET ASIDE</source>
        <translation>КОРОБКУ ВІДКЛАДЕНО</translation>
    </message>
    <message>
        <source>{number} waits for its label: it prints when its slip is scanned at a working printer.</source>
        <translation>{number} чекає на етикетку: вона надрукується, коли пакувальний лист відсканують біля справного принтера.</translation>
    </message>
    <message>
        <source>{number} shipped. Tracking {tracking}.</source>
        <translation>{number} відправлено. Трек-номер {tracking}.</translation>
    </message>
    <message>
        <source>DATABASE DAMAGED</source>
        <translation>БАЗУ ПОШКОДЖЕНО</translation>
    </message>
    <message>
        <source>The scan was NOT counted. Call a supervisor: the last backup must be restored.</source>
        <translation>Сканування НЕ зараховано. Покличте керівника: треба відновити останню резервну копію.</translation>
    </message>
    <message>
        <source>DATABASE READ-ONLY</source>
        <translation>БАЗА: ЛИШЕ ЧИТАННЯ</translation>
    </message>
    <message>
        <source>The scan was NOT counted. Call a supervisor: this bench may not write the database.</source>
        <translation>Сканування НЕ зараховано. Покличте керівника: це робоче місце не може записувати в базу даних.</translation>
    </message>
    <message>
        <source>DISK FULL</source>
        <translation>ДИСК ЗАПОВНЕНО</translation>
    </message>
    <message>
        <source>The scan was NOT counted. Call a supervisor: free space on {where}.</source>
        <translation>Сканування НЕ зараховано. Покличте керівника: треба звільнити місце на {where}.</translation>
    </message>
    <message>
        <source>DATABASE BUSY</source>
        <translation>БАЗА ЗАЙНЯТА</translation>
    </message>
    <message>
        <source>The scan was NOT counted. Another program holds it {holders}. Scan the unit again in a moment.</source>
        <translation>Сканування НЕ зараховано. Її тримає інша програма {holders}. За мить відскануйте одиницю ще раз.</translation>
    </message>
    <message>
        <source>DATABASE LOGIN REFUSED</source>
        <translation>ВХІД ВІДХИЛЕНО</translation>
    </message>
    <message>
        <source>The scan was NOT counted. Call a supervisor: check the user name and password.</source>
        <translation>Сканування НЕ зараховано. Покличте керівника: треба перевірити ім&apos;я користувача і пароль.</translation>
    </message>
    <message>
        <source>NO SUCH DATABASE</source>
        <translation>БАЗИ НЕ ІСНУЄ</translation>
    </message>
    <message>
        <source>The scan was NOT counted. Call a supervisor: the database in the settings does not exist.</source>
        <translation>Сканування НЕ зараховано. Покличте керівника: бази даних, указаної в налаштуваннях, не існує.</translation>
    </message>
    <message>
        <source>DATABASE WON&apos;T OPEN</source>
        <translation>БАЗУ НЕ ВІДКРИТО</translation>
    </message>
    <message>
        <source>The scan was NOT counted. Call a supervisor: check the database file&apos;s folder.</source>
        <translation>Сканування НЕ зараховано. Покличте керівника: треба перевірити папку файлу бази даних.</translation>
    </message>
    <message>
        <source>NOT WEIGHED</source>
        <translation>НЕ ЗВАЖЕНО</translation>
    </message>
    <message>
        <source>The weight does not settle. {reason}</source>
        <translation>Вага не стабілізується. {reason}</translation>
    </message>
    <message>
        <source>The scale does not answer. {reason}</source>
        <translation>Ваги не відповідають. {reason}</translation>
    </message>
    <message>
        <source>The scale&apos;s answers are unreadable. {reason}</source>
        <translation>Відповіді ваг нечитабельні. {reason}</translation>
    </message>
    <message>
        <source>Too heavy for the scale. {reason}</source>
        <translation>Заважко для ваг. {reason}</translation>
    </message>
    <message>
        <source>The scale is below zero. {reason}</source>
        <translation>Ваги показують менше нуля. {reason}</translation>
    </message>
    <message>
        <source>WEIGHT OVERRIDDEN</source>
        <translation>ВАГУ ЗАТВЕРДЖЕНО</translation>
    </message>
    <message>
        <source>By a supervisor.</source>
        <translation>Керівником.</translation>
    </message>
    <message>
        <source>WRONG WEIGHT</source>
        <translation>НЕПРАВИЛЬНА ВАГА</translation>
    </message>
    <message>
        <source>Parcel {parcel} weighs {weight} kg, should weigh {expected} kg (± {allowed}). Check the contents, then weigh again.</source>
        <translation>Посилка {parcel} важить {weight} кг, має важити {expected} кг (± {allowed}). Перевірте вміст, потім зважте ще раз.</translation>
    </message>
    <message>
        <source>STATION NAME IN USE</source>
        <translation>НАЗВА ЗАЙНЯТА</translation>
    </message>
    <message>
        <source>{station} is in use by {host} (bench {bench}), last heard of {seconds} s ago. Use another station name, or if that machine is gone, wait until it has been silent for {ttl} s.</source>
        <translation>{station} використовує комп&apos;ютер {host} (робоче місце {bench}), що востаннє озивався {seconds} с тому. Використайте іншу назву робочого місця або, якщо того комп&apos;ютера вже немає, зачекайте, доки він мовчатиме {ttl} с.</translation>
    </message>
    <message>
        <source>STATION NAME TAKEN</source>
        <translation>НАЗВУ ЗАБРАНО</translation>
    </message>
    <message>
        <source>Another machine took {station}: this bench was silent too long. Restart it, or give it another station name.</source>
        <translation>Інший комп&apos;ютер зайняв {station}: це робоче місце мовчало надто довго. Перезапустіть його або дайте йому іншу назву робочого місця.</translation>
    </message>
    <message>
        <source>{number} back in the queue</source>
        <translation>{number} знову в черзі</translation>
    </message>
    <message>
        <source>{number} to the front</source>
        <translation>{number} на початок черги</translation>
    </message>
    <message>
        <source>{number} back in its place</source>
        <translation>{number} на своєму місці</translation>
    </message>
    <message numerus="yes">
        <source>Scan: {name}  ·  bin {bin}  ·  %n left</source>
        <translation>
            <numerusform>Скануйте: {name}  ·  комірка {bin}  ·  ще %n</numerusform>
            <numerusform>Скануйте: {name}  ·  комірка {bin}  ·  ще %n</numerusform>
            <numerusform>Скануйте: {name}  ·  комірка {bin}  ·  ще %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Scan: {name}  ·  %n left</source>
        <translation>
            <numerusform>Скануйте: {name}  ·  ще %n</numerusform>
            <numerusform>Скануйте: {name}  ·  ще %n</numerusform>
            <numerusform>Скануйте: {name}  ·  ще %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Take out: {name} ({kind})</source>
        <translation>Вийміть: {name} ({kind})</translation>
    </message>
    <message numerus="yes">
        <source>All %n in: scan FINISH (F12)</source>
        <translation>
            <numerusform>%n одиниця в коробці: відскануйте CMD-FINISH (F12)</numerusform>
            <numerusform>Усі %n в коробці: відскануйте CMD-FINISH (F12)</numerusform>
            <numerusform>Усі %n в коробці: відскануйте CMD-FINISH (F12)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n in: finishing… Esc keeps the order open</source>
        <translation>
            <numerusform>%n одиниця в коробці: завершую… Esc залишає відкритим</numerusform>
            <numerusform>Усі %n в коробці: завершую… Esc залишає відкритим</numerusform>
            <numerusform>Усі %n в коробці: завершую… Esc залишає відкритим</numerusform>
        </translation>
    </message>
    <message>
        <source>Stick the label on the box of {number}</source>
        <translation>Наклейте етикетку на коробку {number}</translation>
    </message>
    <message>
        <source>Why on hold? Scan a reason, or press 1 to 4</source>
        <translation>Чому відкласти? Відскануйте причину або 1–4</translation>
    </message>
    <message>
        <source>Check the box against the shop&apos;s change, then scan OK</source>
        <translation>Перевірте коробку за зміною магазину, потім CMD-OK</translation>
    </message>
    <message>
        <source>Unpack the box of {number}, then scan OK</source>
        <translation>Розпакуйте коробку {number}, потім відскануйте CMD-OK</translation>
    </message>
    <message>
        <source>Wait: the database is away, scans are not counted</source>
        <translation>Зачекайте: немає бази даних, сканування не зараховуються</translation>
    </message>
    <message>
        <source>EXPIRED</source>
        <translation>ПРОСТРОЧЕНО</translation>
    </message>
    <message>
        <source>{name}: expires {expiry} (lot {lot}); units need {margin_days} day(s) left. Take it out, then scan REMOVED (F9).</source>
        <translation>{name}: термін придатності до {expiry} (партія {lot}); одиниця має бути придатна ще щонайменше {margin_days} дн. Вийміть, потім відскануйте CMD-REMOVED (F9).</translation>
    </message>
    <message>
        <source>SERIAL ALREADY PACKED</source>
        <translation>НОМЕР УЖЕ ЗАПАКОВАНО</translation>
    </message>
    <message>
        <source>{name}: serial {serial} is already packed in order {order}. Take it out, then scan REMOVED (F9).</source>
        <translation>{name}: серійний номер {serial} вже запаковано в замовленні {order}. Вийміть, потім відскануйте CMD-REMOVED (F9).</translation>
    </message>
    <message>
        <source>DUPLICATE</source>
        <translation>ДУБЛІКАТ</translation>
    </message>
    <message>
        <source>Already counted</source>
        <translation>Вже зараховано</translation>
    </message>
    <message>
        <source>{name}: serial {serial} is counted already — this is the same unit again.</source>
        <translation>{name}: серійний номер {serial} вже зараховано — це знову та сама одиниця.</translation>
    </message>
    <message>
        <source>AGAIN</source>
        <translation>ПОВТОРНО</translation>
    </message>
    <message>
        <source>Scan the unit&apos;s lot code</source>
        <translation>Скануйте код партії</translation>
    </message>
    <message>
        <source>{name} is tracked by lot: scan its GS1 code with the lot (10).</source>
        <translation>{name} потребує партії: відскануйте код GS1 з партією (10).</translation>
    </message>
    <message>
        <source>NO LOT</source>
        <translation>БЕЗ ПАРТІЇ</translation>
    </message>
    <message>
        <source>Scan the unit&apos;s serial code</source>
        <translation>Скануйте серійний номер</translation>
    </message>
    <message>
        <source>{name} is tracked by serial: scan each unit&apos;s own code (21).</source>
        <translation>{name} потребує серійного номера: відскануйте власний код кожної одиниці (21).</translation>
    </message>
    <message>
        <source>NO SERIAL</source>
        <translation>БЕЗ СЕРІЙНОГО НОМЕРА</translation>
    </message>
    <message>
        <source>Scan each unit</source>
        <translation>Скануйте кожну одиницю</translation>
    </message>
    <message>
        <source>{name} is tracked by serial: this code counts {count} units — scan them one by one.</source>
        <translation>{name} потребує серійних номерів: у цьому коді {count} шт. — скануйте їх по одній.</translation>
    </message>
    <message>
        <source>PER UNIT</source>
        <translation>ПОШТУЧНО</translation>
    </message>
    <message>
        <source>“{text}”: {detail}. Nothing was counted.</source>
        <translation>«{text}»: {detail}. Нічого не зараховано.</translation>
    </message>
    <message>
        <source>REJECTED</source>
        <translation>ВІДХИЛЕНО</translation>
    </message>
    <message>
        <source>SSCC</source>
        <translation>SSCC</translation>
    </message>
    <message>
        <source>Did the label come out?</source>
        <translation>Етикетка вийшла?</translation>
    </message>
    <message>
        <source>The printer stopped mid-label. Yes: scan CMD-LABEL-OK. No: CMD-LABEL-AGAIN.</source>
        <translation>Принтер зупинився посеред етикетки. Так: відскануйте CMD-LABEL-OK. Ні: CMD-LABEL-AGAIN.</translation>
    </message>
    <message>
        <source>Label of {number} not out yet</source>
        <translation>Етикетки {number} ще нема</translation>
    </message>
    <message>
        <source>Wait for it, press F12, or scan CMD-ASIDE.</source>
        <translation>Зачекайте, натисніть F12 або відскануйте CMD-ASIDE.</translation>
    </message>
    <message>
        <source>No label to confirm</source>
        <translation>Нічого підтверджувати</translation>
    </message>
    <message>
        <source>Nothing to set aside</source>
        <translation>Нічого відкладати</translation>
    </message>
    <message>
        <source>The label of {number} is out</source>
        <translation>Етикетка {number} вийшла</translation>
    </message>
    <message>
        <source>Label of {number} not printed</source>
        <translation>Немає етикетки {number}</translation>
    </message>
    <message>
        <source>{reason}. The box keeps waiting: try a bench whose printer works.</source>
        <translation>{reason}. Коробка далі чекає: спробуйте на робочому місці, де працює принтер.</translation>
    </message>
    <message>
        <source>Reprinted: {kind} of {number}</source>
        <translation>Повторно: {kind}, {number}</translation>
    </message>
    <message>
        <source>{reason}</source>
        <translation>{reason}</translation>
    </message>
    <message>
        <source>Nothing to reprint</source>
        <translation>Нема що друкувати</translation>
    </message>
    <message>
        <source>Order {number} has no {kind} yet.</source>
        <translation>Замовлення {number} ще не має документа: {kind}.</translation>
    </message>
    <message>
        <source>SCANNER {device} DISCONNECTED</source>
        <translation>СКАНЕР {device} ВІДКЛЮЧЕНО</translation>
    </message>
    <message>
        <source>Reconnecting by itself… Meanwhile use another scanner.</source>
        <translation>Перепідключається сам… Тим часом користуйтеся іншим сканером.</translation>
    </message>
    <message>
        <source>The scan it was sending (“{discarded}”) was dropped: scan that unit again. Reconnecting…</source>
        <translation>Сканування, яке він надсилав («{discarded}»), втрачено: відскануйте цю одиницю ще раз. Перепідключення…</translation>
    </message>
    <message>
        <source>SCANNER {device} NOT AVAILABLE</source>
        <translation>СКАНЕР {device} НЕДОСТУПНИЙ</translation>
    </message>
    <message>
        <source>Scanner {device} is back</source>
        <translation>Сканер {device} знову доступний</translation>
    </message>
    <message>
        <source>DEVICE NOT CONNECTED</source>
        <translation>ПРИСТРІЙ НЕ ПІДКЛЮЧЕНО</translation>
    </message>
    <message>
        <source>DEVICE NOT ALLOWED</source>
        <translation>НЕМАЄ ДОСТУПУ</translation>
    </message>
    <message>
        <source>DEVICE IN USE</source>
        <translation>ПРИСТРІЙ ЗАЙНЯТИЙ</translation>
    </message>
    <message>
        <source>DEVICE PROBLEM</source>
        <translation>ПРОБЛЕМА З ПРИСТРОЄМ</translation>
    </message>
    <message>
        <source>Box {box} for parcel {parcel}</source>
        <translation>Коробка {box} для посилки {parcel}</translation>
    </message>
    <message>
        <source>{size}, tare {tare} kg.</source>
        <translation>{size}, тара {tare} кг.</translation>
    </message>
    <message>
        <source>BOX</source>
        <translation>КОРОБКА</translation>
    </message>
    <message>
        <source>No box {box}</source>
        <translation>Немає коробки {box}</translation>
    </message>
    <message>
        <source>Boxes: {boxes}.</source>
        <translation>Коробки: {boxes}.</translation>
    </message>
    <message>
        <source>Parcel {parcel} is empty</source>
        <translation>Посилка {parcel} порожня</translation>
    </message>
    <message>
        <source>Scan the units into it first.</source>
        <translation>Спершу відскануйте в неї одиниці.</translation>
    </message>
    <message>
        <source>No more parcels</source>
        <translation>Більше посилок не можна</translation>
    </message>
    <message>
        <source>An order ships in {limit} parcels at most.</source>
        <translation>Найбільше посилок на одне замовлення: {limit}.</translation>
    </message>
    <message>
        <source>Parcel {parcel} closed — {weight} kg</source>
        <translation>Посилку {parcel} закрито — {weight} кг</translation>
    </message>
    <message>
        <source>{units} unit(s) in box {box}. Next parcel.</source>
        <translation>Одиниць у коробці {box}: {units}. Наступна посилка.</translation>
    </message>
    <message>
        <source>PARCEL</source>
        <translation>ПОСИЛКА</translation>
    </message>
    <message>
        <source>OVERRIDE</source>
        <translation>ПІДТВЕРДЖЕНО</translation>
    </message>
    <message>
        <source>Nothing to accept</source>
        <translation>Немає що підтверджувати</translation>
    </message>
    <message>
        <source>Parcel {parcel} has no wrong weight.</source>
        <translation>Посилка {parcel} не має неправильної ваги.</translation>
    </message>
    <message>
        <source>WEIGHT</source>
        <translation>ВАГА</translation>
    </message>
    <message>
        <source>Station {station} ready</source>
        <translation>Робоче місце {station} готове</translation>
    </message>
    <message>
        <source>Supervisor badge scanned: type your PIN to open the panel.</source>
        <translation>Бейдж керівника відскановано: введіть PIN, щоб відкрити панель.</translation>
    </message>
    <message>
        <source>Supervisor {name} at this bench</source>
        <translation>Керівник: {name}</translation>
    </message>
    <message>
        <source>F11 opens the supervisor panel.</source>
        <translation>F11 відкриває панель керівника.</translation>
    </message>
    <message>
        <source>Supervisor {name} left</source>
        <translation>Вихід: {name}</translation>
    </message>
    <message>
        <source>Wrong PIN</source>
        <translation>Неправильний PIN</translation>
    </message>
    <message>
        <source>{attempts_left} attempt(s) left before the badge locks.</source>
        <translation>Залишилося спроб до блокування бейджа: {attempts_left}.</translation>
    </message>
    <message>
        <source>Badge of {name} is locked</source>
        <translation>Заблоковано: {name}</translation>
    </message>
    <message>
        <source>Too many wrong PINs: an admin must unlock it.</source>
        <translation>Забагато неправильних PIN: його має розблокувати адміністратор.</translation>
    </message>
    <message>
        <source>{name} is not a supervisor</source>
        <translation>{name}: не керівник</translation>
    </message>
    <message>
        <source>Scan a supervisor&apos;s badge first</source>
        <translation>Спершу бейдж керівника</translation>
    </message>
    <message>
        <source>No PIN typed</source>
        <translation>PIN не введено</translation>
    </message>
    <message>
        <source>Scan the supervisor&apos;s badge again when ready.</source>
        <translation>Коли будете готові, відскануйте бейдж керівника ще раз.</translation>
    </message>
    <message>
        <source>No supervisor at this bench</source>
        <translation>Керівника немає</translation>
    </message>
    <message>
        <source>A supervisor is needed</source>
        <translation>Потрібен керівник</translation>
    </message>
    <message>
        <source>Scan a supervisor&apos;s badge and type the PIN.</source>
        <translation>Відскануйте бейдж керівника і введіть PIN.</translation>
    </message>
    <message>
        <source>Scan your badge</source>
        <translation>Відскануйте бейдж</translation>
    </message>
    <message>
        <source>Nobody is logged in at this bench: nothing was counted.</source>
        <translation>На цьому робочому місці ніхто не ввійшов: нічого не зараховано.</translation>
    </message>
    <message>
        <source>{name} was idle for {minutes} minute(s). Scan your badge.</source>
        <translation>{name}: без активності {minutes} хв. Відскануйте бейдж.</translation>
    </message>
    <message>
        <source>OK  {scanned} / {required} (by hand)</source>
        <translation>ДОБРЕ  {scanned} / {required} (вручну)</translation>
    </message>
    <message>
        <source>{name} ({sku}) confirmed by hand by {by}.</source>
        <translation>{name} ({sku}) підтверджено вручну: {by}.</translation>
    </message>
    <message>
        <source>BY HAND</source>
        <translation>ВРУЧНУ</translation>
    </message>
    <message>
        <source>{sku} is not on order {number}</source>
        <translation>{sku} не з {number}</translation>
    </message>
    <message>
        <source>Nothing was counted.</source>
        <translation>Нічого не зараховано.</translation>
    </message>
    <message>
        <source>{name}: all {required} counted</source>
        <translation>{name}: уже {required} шт.</translation>
    </message>
    <message>
        <source>Nothing more to confirm by hand.</source>
        <translation>Більше нічого підтверджувати вручну.</translation>
    </message>
    <message>
        <source>{name} needs its code</source>
        <translation>{name}: потрібен код</translation>
    </message>
    <message>
        <source>It is tracked by {tracking}: scan or type its GS1 code.</source>
        <translation>Потрібен код GS1 ({tracking}): відскануйте або введіть його.</translation>
    </message>
    <message>
        <source>Counted elsewhere meanwhile</source>
        <translation>Тим часом уже зараховано</translation>
    </message>
    <message>
        <source>Confirm {sku} again.</source>
        <translation>Підтвердіть {sku} ще раз.</translation>
    </message>
    <message>
        <source>Wrong unit accepted by {name}</source>
        <translation>Прийнято: {name}</translation>
    </message>
    <message>
        <source>{remaining} wrong unit(s) still to take out.</source>
        <translation>Ще треба вийняти зайвих одиниць: {remaining}.</translation>
    </message>
    <message>
        <source>Released by a supervisor.</source>
        <translation>Керівник повернув його в чергу.</translation>
    </message>
    <message>
        <source>Order {number} opened here</source>
        <translation>{number} відкрито тут</translation>
    </message>
    <message>
        <source>{scanned} of {required} units already scanned.</source>
        <translation>Уже відскановано {scanned} з {required} шт.</translation>
    </message>
    <message>
        <source>Order {number} ships partially</source>
        <translation>Часткова відправка {number}</translation>
    </message>
    <message>
        <source>Tracking {tracking}. {reason}</source>
        <translation>Трек-номер {tracking}. {reason}</translation>
    </message>
    <message>
        <source>Order {number} cancelled</source>
        <translation>{number} скасовано</translation>
    </message>
    <message>
        <source>Reason: {reason}; cost so far {cost}.</source>
        <translation>Причина: {reason}; уже витрачено {cost}.</translation>
    </message>
    <message>
        <source>Order {number} reopened</source>
        <translation>{number} знову відкрито</translation>
    </message>
    <message>
        <source>Its tracking number is void: a new label prints when it is finished again.</source>
        <translation>Його трек-номер недійсний: нова етикетка надрукується, коли замовлення знову завершать.</translation>
    </message>
    <message>
        <source>Order {number} is not on hold</source>
        <translation>{number} не відкладено</translation>
    </message>
    <message>
        <source>It is {status}.</source>
        <translation>Стан: {status}.</translation>
    </message>
    <message>
        <source>Order {number} is {status}</source>
        <translation>{number}: {status}</translation>
    </message>
    <message>
        <source>Only waiting orders can be expedited.</source>
        <translation>Пришвидшити можна лише замовлення, що очікують.</translation>
    </message>
    <message>
        <source>Only packed or shipped orders reopen.</source>
        <translation>Знову відкрити можна лише запаковані або відправлені замовлення.</translation>
    </message>
    <message>
        <source>Give a reason</source>
        <translation>Вкажіть причину</translation>
    </message>
    <message>
        <source>Nothing of {number} is packed</source>
        <translation>{number}: нічого в коробці</translation>
    </message>
    <message>
        <source>Cancel it instead.</source>
        <translation>Натомість скасуйте його.</translation>
    </message>
    <message>
        <source>Cancellation not accepted</source>
        <translation>Скасування відхилено</translation>
    </message>
    <message>
        <source>{detail}</source>
        <translation>{detail}</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Нове</translation>
    </message>
    <message>
        <source>Packing</source>
        <translation>Пакується</translation>
    </message>
    <message>
        <source>Packed</source>
        <translation>Запаковано</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Відправлено</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Доставлено</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>В архіві</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Відкладено</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Скасовано</translation>
    </message>
    <message>
        <source>A unit is missing</source>
        <translation>Бракує одиниці</translation>
    </message>
    <message>
        <source>A unit is damaged</source>
        <translation>Пошкоджена одиниця</translation>
    </message>
    <message>
        <source>Wrong address</source>
        <translation>Неправильна адреса</translation>
    </message>
    <message>
        <source>Another reason</source>
        <translation>Інша причина</translation>
    </message>
    <message>
        <source>not on this order</source>
        <translation>не з цього замовлення</translation>
    </message>
    <message>
        <source>one too many</source>
        <translation>на одну забагато</translation>
    </message>
    <message>
        <source>unknown barcode</source>
        <translation>невідомий код</translation>
    </message>
</context>
</TS>
