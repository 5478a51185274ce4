/**
 * The DETAIL texts of `<STATUS>0</STATUS>` answers and the `detail` of callbacks. The document gives none (only
 * "รายละเอียดปัญหา"), so these are the sandbox's own Thai wording; callers must not match on them.
 */
export const DETAIL = {
  notPost: 'กรุณาส่งข้อมูลแบบ POST',
  badLogin: 'ชื่อผู้ใช้งานหรือรหัสผ่านไม่ถูกต้อง',
  noFunction: 'ไม่พบฟังชั่นการทำงาน',
  badNetwork: 'หมายเลขเครือข่ายไม่ถูกต้อง',
  badNumber: 'หมายเลขโทรศัพท์ไม่ถูกต้อง',
  badCash: 'จำนวนเงินไม่ถูกต้อง',
  badUsers: 'ชื่อผู้ส่งไม่ถูกต้อง',
  badOrderId: 'รหัสทำรายการไม่ถูกต้อง',
  networkClosed: 'เครือข่ายนี้ปิดให้บริการชั่วคราว',
  duplicateOrderId: 'รหัสทำรายการนี้ถูกใช้แล้ว',
  insufficientBalance: 'ยอดเงินคงเหลือไม่เพียงพอ',
  orderNotFound: 'ไม่พบรายการนี้',
  alreadyCancelled: 'รายการนี้ยกเลิกแล้ว',
  cannotCancel: 'ไม่สามารถยกเลิกรายการนี้ได้',
  // callback `detail`
  refillSuccess: 'เติมเงินสำเร็จ',
  refillFailed: 'เติมเงินไม่สำเร็จ',
  cancelled: 'ยกเลิกรายการสำเร็จ คืนเงินแล้ว',
  cancelRefused: 'ยกเลิกรายการไม่สำเร็จ',
} as const;
