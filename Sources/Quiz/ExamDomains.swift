/// Names of the exam domains questions are tagged with, for results by domain.
public enum ExamDomains {
  static let names: [String: [String: String]] = [
    "DVA-C02": [
      "1": "Development with AWS Services",
      "2": "Security",
      "3": "Deployment",
      "4": "Troubleshooting and Optimization",
    ],
    "SAA-C03": [
      "1": "Design Secure Architectures",
      "2": "Design Resilient Architectures",
      "3": "Design High-Performing Architectures",
      "4": "Design Cost-Optimized Architectures",
    ],
  ]

  /// `DVA-C02 domain 1: Development with AWS Services`, or without a name when unknown.
  public static func title(exam: String, domain: String) -> String {
    let base = "\(exam) domain \(domain)"
    guard let name = names[exam]?[domain] else { return base }
    return "\(base): \(name)"
  }
}
