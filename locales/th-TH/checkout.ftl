# PayKKa Checkout — ภาษาไทย (ประเทศไทย)

## Card form

card-number-label = หมายเลขบัตร
card-expiry-label = วันหมดอายุ
card-expiry-placeholder = ดด/ปป
card-cvv-label = รหัสความปลอดภัย
# $digits (number): 3 or 4; $location: "front" for American Express, "back" otherwise
card-cvv-hint =
    { $location ->
        [front] ตัวเลข { $digits } หลักด้านหน้าบัตร
       *[back] ตัวเลข { $digits } หลักด้านหลังบัตร
    }
card-holder-label = ชื่อบนบัตร
# $amount (string): the amount, already formatted for the shopper's locale, e.g. "฿1,499.00"
pay-button = ชำระเงิน { $amount }
card-form-complete = กรอกข้อมูลบัตรครบถ้วนแล้ว
card-form-invalid-generic = โปรดตรวจสอบข้อมูลการชำระเงินบางรายการ
# $count (number): how many fields need attention
card-form-invalid =
    { $count ->
       *[other] โปรดตรวจสอบข้อมูล { $count } ช่อง
    }

## Errors (one per variant of the core's CheckoutError)

error-number-empty = โปรดกรอกหมายเลขบัตร
error-number-incomplete = หมายเลขบัตรไม่ครบถ้วน
error-number-too-long = หมายเลขบัตรยาวเกินไป
error-number-invalid = หมายเลขบัตรไม่ถูกต้อง
error-number-unsupported = ไม่รองรับบัตรประเภทนี้
error-expiry-empty = โปรดกรอกวันหมดอายุ
error-expiry-incomplete = วันหมดอายุไม่ครบถ้วน
error-expiry-month-invalid = เดือนที่หมดอายุต้องอยู่ระหว่าง 01 ถึง 12
error-expiry-in-past = บัตรของคุณหมดอายุแล้ว
error-expiry-too-far = วันหมดอายุห่างจากปัจจุบันมากเกินไป
error-cvv-empty = โปรดกรอกรหัสความปลอดภัย
error-cvv-incomplete = รหัสความปลอดภัยไม่ครบถ้วน
error-holder-name-empty = โปรดกรอกชื่อบนบัตร
error-holder-name-invalid = โปรดกรอกชื่อให้ตรงกับที่ปรากฏบนบัตร
error-amount-invalid = จำนวนเงินไม่ถูกต้อง
error-amount-negative = จำนวนเงินต้องไม่ติดลบ
error-currency-unsupported = ไม่รองรับสกุลเงินนี้

## Payment errors (flow and decline reasons)

error-network-unavailable = ไม่สามารถเชื่อมต่อกับบริการชำระเงินได้ โปรดตรวจสอบการเชื่อมต่ออินเทอร์เน็ตแล้วลองอีกครั้ง
error-request-timed-out = บริการชำระเงินใช้เวลาตอบสนองนานเกินไป โปรดลองอีกครั้ง
error-server = เกิดข้อผิดพลาดในระบบของเรา โปรดลองอีกครั้ง
error-invalid-response = ได้รับการตอบกลับที่ไม่คาดคิด โปรดลองอีกครั้ง
error-request-rejected = ไม่สามารถดำเนินการชำระเงินนี้ได้ โปรดตรวจสอบข้อมูลของคุณ
error-session-expired = หน้าชำระเงินนี้หมดอายุแล้ว โปรดกลับไปที่ร้านค้าเพื่อเริ่มใหม่
error-session-not-found = ไม่พบหน้าชำระเงินนี้ โปรดกลับไปที่ร้านค้าเพื่อเริ่มใหม่
error-session-completed = คำสั่งซื้อนี้ชำระเงินแล้ว
error-secure-fields-unavailable = ไม่สามารถโหลดช่องกรอกข้อมูลบัตรที่ปลอดภัยได้ โปรดลองอีกครั้ง
error-field-not-mounted = แบบฟอร์มบัตรในหน้านี้ขาดช่องที่จำเป็น โปรดติดต่อร้านค้า
error-method-unavailable = ไม่สามารถโหลดวิธีการชำระเงินนี้ได้ โปรดลองอีกครั้งหรือเลือกวิธีการชำระเงินอื่น
error-randomness-unavailable = เบราว์เซอร์นี้ไม่สามารถชำระเงินอย่างปลอดภัยได้ในขณะนี้ โปรดอัปเดตเบราว์เซอร์หรือลองใช้เบราว์เซอร์อื่น
error-too-many-requests = ลองหลายครั้งเกินไป โปรดรอสักครู่แล้วลองอีกครั้ง
error-payment-pending = การชำระเงินของคำสั่งซื้อนี้ยังรอให้ดำเนินการให้เสร็จ โปรดดำเนินการให้เสร็จ หรือลองอีกครั้งในอีกไม่กี่นาที
error-card-data-expired = เพื่อความปลอดภัย โปรดกรอกรายละเอียดบัตรอีกครั้ง
error-card-declined = บัตรของคุณถูกปฏิเสธ โปรดใช้บัตรอื่นหรือติดต่อธนาคารของคุณ
error-insufficient-funds = บัตรของคุณถูกปฏิเสธเนื่องจากยอดเงินหรือวงเงินไม่เพียงพอ
error-card-expired = บัตรของคุณหมดอายุแล้ว โปรดใช้บัตรอื่น
error-authentication-failed = ธนาคารของคุณไม่สามารถยืนยันการชำระเงินนี้ได้ โปรดลองอีกครั้ง
error-card-invalid = หมายเลขบัตรของคุณไม่ได้รับการยอมรับ โปรดตรวจสอบอีกครั้ง
error-cvv-invalid = รหัสความปลอดภัยของคุณไม่ได้รับการยอมรับ โปรดตรวจสอบอีกครั้ง
error-payment-expired = การชำระเงินไม่เสร็จสมบูรณ์ภายในเวลาที่กำหนด โปรดลองอีกครั้ง
error-payment-failed = ไม่สามารถดำเนินการชำระเงินของคุณให้เสร็จสมบูรณ์ได้ โปรดลองอีกครั้ง

## Drop-in

dropin-label = ชำระเงิน
dropin-loading = กำลังโหลดหน้าชำระเงิน…
dropin-amount-label = ยอดที่ต้องชำระ
dropin-methods-label = วิธีการชำระเงิน
method-card = บัตร
dropin-no-methods = ไม่มีวิธีการชำระเงินที่ใช้ได้สำหรับคำสั่งซื้อนี้
dropin-processing = กำลังดำเนินการชำระเงิน…
dropin-redirecting = กำลังนำคุณไปยังธนาคาร…
dropin-awaiting-result = กำลังยืนยันการชำระเงิน…
dropin-success-title = ชำระเงินสำเร็จ
dropin-authorized-title = อนุมัติการชำระเงินแล้ว
dropin-authorized-detail = บัตรของคุณได้รับการอนุมัติแล้ว คุณจะถูกเรียกเก็บเงินเมื่อร้านค้ายืนยันคำสั่งซื้อ
# $order (string): the gateway's order reference
dropin-success-order = หมายเลขอ้างอิงคำสั่งซื้อ: { $order }
dropin-expired-title = หน้าชำระเงินนี้หมดอายุแล้ว
dropin-error-title = ไม่สามารถใช้งานหน้าชำระเงินได้
dropin-retry = ลองอีกครั้ง

## Secure card frames (titles of the iframes)

secure-frame-title-number = ช่องกรอกหมายเลขบัตรที่ได้รับการป้องกัน
secure-frame-title-expiry = ช่องกรอกวันหมดอายุที่ได้รับการป้องกัน
secure-frame-title-cvv = ช่องกรอกรหัสความปลอดภัยที่ได้รับการป้องกัน
secure-frame-title-holder = ช่องกรอกชื่อผู้ถือบัตรที่ได้รับการป้องกัน

## Saved cards

# $brand (string): "Visa", "Mastercard"...; $last4 (string): the card's last four digits
stored-card-title = { $brand } •••• { $last4 }
# $expiry (string): "03/30"
stored-card-expires = หมดอายุ { $expiry }
stored-card-expired = หมดอายุเมื่อ { $expiry }
stored-card-remove = ลบบัตร
stored-card-remove-confirm = ต้องการลบบัตรนี้หรือไม่
stored-card-remove-yes = ลบ
stored-card-remove-cancel = เก็บไว้
# $reason (string): why, as one of the error messages
stored-card-remove-failed = ไม่สามารถลบบัตรได้ { $reason }
stored-card-removed = ลบบัตรแล้ว
card-save-label = บันทึกบัตรนี้ไว้สำหรับการชำระเงินครั้งต่อไป
card-save-required = รายการนี้เป็นการสมัครสมาชิกแบบต่อเนื่อง ระบบจะบันทึกบัตรของคุณไว้และเรียกเก็บเงินสำหรับการชำระครั้งต่อๆ ไป เมื่อชำระเงิน ถือว่าคุณยอมรับเงื่อนไขนี้

## Other payment methods (QR wallets, redirects)

# $method (string): the method's brand name, e.g. "WeChat Pay"
method-hint-card = ชำระเงินด้วยบัตรของคุณ
method-hint-qr = หลังจากกด “ชำระเงิน” ให้สแกนคิวอาร์โค้ดด้วยแอป { $method } เพื่ออนุมัติการชำระเงิน
method-hint-redirect = หลังจากกด “ชำระเงิน” คุณจะถูกนำไปยัง { $method } เพื่ออนุมัติการชำระเงิน แล้วจึงกลับมาที่หน้านี้
method-hint-wallet = ชำระเงินด้วย { $method }
qr-code-label = คิวอาร์โค้ดสำหรับชำระเงินด้วย { $method }
qr-instructions = เปิดแอป { $method } สแกนโค้ดนี้ แล้วอนุมัติการชำระเงิน หน้านี้จะอัปเดตโดยอัตโนมัติ
qr-open-app = เปิด { $method }
qr-copy = คัดลอกลิงก์ชำระเงิน
qr-copied = คัดลอกลิงก์ชำระเงินแล้ว
qr-reconnecting = การเชื่อมต่อขาดหาย เรายังคงตรวจสอบการชำระเงินของคุณอยู่…
qr-expires-in = โค้ดจะหมดอายุใน
# $minutes (number): whole minutes left
qr-time-left =
    { $minutes ->
       *[other] เหลือเวลาสแกนโค้ดอีก { $minutes } นาที
    }

## Browser wallets (Apple Pay, Google Pay)

# $method (string): "Apple Pay" or "Google Pay"
wallet-pay-button = ชำระเงินด้วย { $method }
wallet-buy-button = ซื้อด้วย { $method }
wallet-checkout-button = ชำระเงินและสั่งซื้อด้วย { $method }
wallet-donate-button = บริจาคด้วย { $method }
wallet-unavailable = ไม่สามารถเปิด { $method } ได้ โปรดเลือกวิธีการชำระเงินอื่น

## Back to the merchant (the hosted payment page)

# $merchant (string): the shop's name, e.g. "PayKKa Demo Store"
merchant-back = กลับไปที่ { $merchant }
merchant-returning = กำลังพาคุณกลับไปที่ { $merchant }…
