// Cosmos DB for NoSQL: the database and every container the store declares
// (cosmos-containers.json, generated from bot/store/collections.ts by
// `npm run infra:containers`), and data-plane access for the app's identity.
param location string
param tags object
param accountName string
param databaseName string = 'puente'
param serverless bool
@description('Keep account keys enabled (needed only when the app or db:init use COSMOS_KEY).')
param allowKeys bool
@description('Principal that reads and writes documents (the app\'s managed identity).')
param dataPrincipalId string

var containers = loadJsonContent('../cosmos-containers.json')
// Built-in "Cosmos DB Built-in Data Contributor": read and write items; it cannot create containers,
// which is why the template declares them.
var dataContributorRoleId = '00000000-0000-0000-0000-000000000002'

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    locations: [{ locationName: location, failoverPriority: 0, isZoneRedundant: false }]
    capabilities: serverless ? [{ name: 'EnableServerless' }] : []
    disableLocalAuth: !allowKeys
    minimalTlsVersion: 'Tls12'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: { id: databaseName }
    // Provisioned accounts share autoscale throughput across containers (else 400 RU/s minimum each).
    options: serverless ? {} : { autoscaleSettings: { maxThroughput: 1000 } }
  }
}

resource container 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for c in containers: {
    parent: database
    name: c.name
    properties: {
      resource: {
        id: c.name
        partitionKey: { paths: [c.partitionKeyPath], kind: 'Hash', version: 2 }
        indexingPolicy: {
          indexingMode: 'consistent'
          automatic: true
          includedPaths: [{ path: '/*' }]
          excludedPaths: [{ path: '/"_etag"/?' }]
          compositeIndexes: c.compositeIndexes
        }
      }
    }
  }
]

resource dataAccess 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: account
  name: guid(account.id, dataPrincipalId, dataContributorRoleId)
  properties: {
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributorRoleId}'
    principalId: dataPrincipalId
    scope: account.id
  }
}

output accountName string = account.name
output endpoint string = account.properties.documentEndpoint
output databaseName string = database.name
