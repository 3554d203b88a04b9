/**
 * Paying partners through payroll: the monthly export of every payment not yet exported (one CSV, each payment in
 * exactly one export), finance marking an export paid, and the partners' statements (one for each export paid, and a
 * summary once a tax year for HMRC and the DWP).
 */
package org.involve.core.payroll;
